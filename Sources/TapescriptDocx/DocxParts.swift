/// The XML parts of the package ``DocxWriter`` writes.
enum DocxParts {
    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" \
            ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>\
            </Relationships>
            """

    static let documentRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/>\
            </Relationships>
            """

    // "heading 1" (lower case, with a space) is the name Word recognises as its built-in heading style.
    static let styles =
        declaration + """
            <w:styles xmlns:w="\(DocxXML.wordprocessingNamespace)">\
            <w:docDefaults>\
            <w:rPrDefault><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(heading(level: 1, halfPoints: 32))\
            \(heading(level: 2, halfPoints: 26))\
            </w:styles>
            """

    private static func heading(level: Int, halfPoints: Int) -> String {
        """
        <w:style w:type="paragraph" w:styleId="Heading\(level)">\
        <w:name w:val="heading \(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:uiPriority w:val="9"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="\(level - 1)"/></w:pPr>\
        <w:rPr><w:b/><w:bCs/><w:sz w:val="\(halfPoints)"/><w:szCs w:val="\(halfPoints)"/></w:rPr>\
        </w:style>
        """
    }

    static func coreProperties(title: String) -> String {
        declaration + """
            <cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/">\
            <dc:title>\(DocxXML.escaped(title))</dc:title>\
            </cp:coreProperties>
            """
    }

    static func document(_ paragraphs: [DocxParagraph]) -> String {
        var body = ""
        for paragraph in paragraphs {
            body += "<w:p>"
            switch paragraph.kind {
            case .heading1: body += #"<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>"#
            case .heading2: body += #"<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>"#
            case .body: break
            }
            for run in paragraph.runs where !run.text.isEmpty {
                body += run.bold ? "<w:r><w:rPr><w:b/></w:rPr>" : "<w:r>"
                body += runContent(run.text)
                body += "</w:r>"
            }
            body += "</w:p>\n"
        }
        return declaration + """
            <w:document xmlns:w="\(DocxXML.wordprocessingNamespace)"><w:body>
            \(body)</w:body></w:document>
            """
    }

    // Tabs and line breaks are elements in WordprocessingML, not characters inside `w:t`.
    private static func runContent(_ text: String) -> String {
        var content = ""
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            content += #"<w:t xml:space="preserve">"# + DocxXML.escaped(pending) + "</w:t>"
            pending = ""
        }
        for character in text {
            switch character {
            case "\t":
                flush()
                content += "<w:tab/>"
            case "\n", "\r\n", "\r":
                flush()
                content += "<w:br/>"
            default:
                pending.append(character)
            }
        }
        flush()
        return content
    }
}
