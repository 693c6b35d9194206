import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects paragraph texts from `word/document.xml` as an `XMLParser` delegate (namespace processing on, so element
/// names are local names whatever prefix the producer chose).
final class DocumentTextCollector: NSObject, XMLParserDelegate {
    private static let wordNamespaces: Set<String> = [
        DocxXML.wordprocessingNamespace,
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  // ISO 29500 Strict
    ]
    private static let markupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    // Subtrees whose text the author does not see as the document: deletions (tracked), text moved away, field
    // instructions.
    private static let skippedElements: Set<String> = ["del", "moveFrom", "delText", "instrText", "delInstrText"]

    private struct OpenParagraph {
        var text = ""
        var markDeleted = false
    }

    private var paragraphs: [String] = []
    // Text boxes put paragraphs inside paragraphs; the inner ones are collected on their own.
    private var openParagraphs: [OpenParagraph] = []
    // The text of paragraphs whose paragraph mark was deleted, waiting to be joined to the next one.
    private var joinedText: String?
    private var skipDepth = 0
    private var propertiesDepth = 0
    private var inText = false
    /// The line of the first XML error, if any.
    private(set) var errorLine: Int?

    func finish() -> [String] {
        if let joinedText { paragraphs.append(joinedText) }
        joinedText = nil
        return paragraphs
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        // A Fallback repeats its Choice (text boxes in VML), so reading both would double the text.
        if namespaceURI == Self.markupCompatibilityNamespace, elementName == "Fallback" {
            skipDepth += 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        if elementName == "pPr" {
            propertiesDepth += 1
            return
        }
        if propertiesDepth > 0 {
            // `w:pPr/w:rPr/w:del` is the tracked deletion of the paragraph mark itself.
            if elementName == "del" || elementName == "moveFrom", !openParagraphs.isEmpty, skipDepth == 0 {
                openParagraphs[openParagraphs.count - 1].markDeleted = true
            }
            return
        }
        if Self.skippedElements.contains(elementName) {
            skipDepth += 1
            return
        }
        guard skipDepth == 0 else { return }
        switch elementName {
        case "p": openParagraphs.append(OpenParagraph())
        case "t": inText = true
        case "tab", "ptab": append("\t")
        case "br", "cr": append("\n")
        case "noBreakHyphen": append("-")
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if namespaceURI == Self.markupCompatibilityNamespace, elementName == "Fallback" {
            skipDepth -= 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        if elementName == "pPr" {
            propertiesDepth -= 1
            return
        }
        guard propertiesDepth == 0 else { return }
        if Self.skippedElements.contains(elementName) {
            skipDepth -= 1
        } else if skipDepth > 0 {
            return
        } else if elementName == "t" {
            inText = false
        } else if elementName == "p", let paragraph = openParagraphs.popLast() {
            let text = (joinedText ?? "") + paragraph.text
            joinedText = nil
            if paragraph.markDeleted {
                joinedText = text
            } else {
                paragraphs.append(text)
            }
        }
    }

    // FoundationXML on Linux lets libxml2 recover and `parse()` still returns true after an error, so the first
    // error is recorded here and parsing stopped.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText, skipDepth == 0 else { return }
        append(string)
    }

    private func append(_ text: String) {
        guard !openParagraphs.isEmpty else { return }
        openParagraphs[openParagraphs.count - 1].text += text
    }
}
