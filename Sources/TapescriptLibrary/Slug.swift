import Foundation
import GRDB

/// Short names for interviews, made from their titles: "Jane Doe on networking" → `jane-doe-on-networking`.
public enum Slug {
    static let maximumLength = 40

    /// Lowercase ASCII letters and digits joined by single hyphens; "interview" when nothing is left. Other
    /// scripts are transliterated first (ICU's Any-Latin: "日本語 インタビュー" → `ri-ben-yu-intabyu`, "Москва" →
    /// `moskva`), so that a title in any language gives a slug that says something.
    public static func make(from title: String) -> String {
        let latin = title.applyingTransform(.toLatin, reverse: false) ?? title
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            // An apostrophe or a transliteration's soft sign (ʹ) is part of its word: "Jane's" → `janes`.
            if ["'", "\u{2019}", "\u{02B9}", "\u{02BA}", "\u{02BC}"].contains(scalar) { continue }
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        if slug.count > maximumLength {
            slug = String(slug.prefix(maximumLength))
            if let lastHyphen = slug.lastIndex(of: "-"), slug.distance(from: slug.startIndex, to: lastHyphen) > 10 {
                slug = String(slug[..<lastHyphen])
            }
        }
        if slug.isEmpty || Int64(slug) != nil { slug = "interview" + (slug.isEmpty ? "" : "-" + slug) }
        return slug
    }

    /// `make(from:)`, with `-2`, `-3`, … appended while the library already has that slug.
    static func unique(from title: String, in db: Database) throws -> String {
        let base = make(from: title)
        var candidate = base
        var suffix = 2
        while try Interview.filter(Interview.Columns.slug == candidate).fetchCount(db) > 0 {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
