#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <vector>

namespace Postern {

// Splits XML text into its markup and character data, one token at a time, straight from the bytes:
// nothing is decoded, no entity is expanded (a "billion laughs" document costs what its bytes cost),
// every token is a range of the input. It checks what can be checked token by token (names, attribute
// syntax and uniqueness, references, characters XML does not allow, "--" in comments); the nesting of
// elements is the caller's to check. Used by XmlFormatter; works on any ASCII-compatible bytes.
class XmlTokenizer
{
    Q_DECLARE_TR_FUNCTIONS(Postern::XmlTokenizer)

public:
    enum class Token {
        End, // the end of the input
        Text, // character data, references included
        StartTag,
        EmptyElementTag, // <a/>
        EndTag,
        Comment,
        ProcessingInstruction,
        Declaration, // <?xml ...?>, only at the very start
        Doctype,
        CData,
        Error,
    };

    // The ranges of an attribute's name and of its value with its quotes.
    struct Attribute
    {
        qsizetype nameStart = 0;
        qsizetype nameEnd = 0;
        qsizetype valueStart = 0;
        qsizetype valueEnd = 0;
    };

    // start: where the document starts in data (after a byte order mark).
    explicit XmlTokenizer(QByteArrayView data, qsizetype start = 0);

    Token next();

    qsizetype tokenStart() const { return m_tokenStart; }
    qsizetype tokenEnd() const { return m_pos; }
    QByteArrayView token() const { return m_data.sliced(m_tokenStart, m_pos - m_tokenStart); }
    // A tag's element name, a processing instruction's target.
    QByteArrayView name() const { return m_data.sliced(m_nameStart, m_nameEnd - m_nameStart); }
    // A start tag's attributes, in their order.
    const std::vector<Attribute> &attributes() const { return m_attributes; }
    // Whether a Text token is whitespace only.
    bool isBlank() const { return m_blank; }

    // After an Error: what is wrong and where.
    const QString &error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

private:
    Token fail(qsizetype at, const QString &message);
    bool failed() const { return !m_error.isEmpty(); }
    Token text();
    Token tag();
    Token endTag();
    Token markup(); // <!-- --> <![CDATA[ ]]> <!DOCTYPE >
    Token processingInstruction();
    bool doctype();
    bool internalSubset();
    bool skipQuoted();
    qsizetype nameEnd(qsizetype from) const; // from itself when no name starts there
    bool reference(); // at '&'; leaves m_pos after the ';'
    bool attributeValue(Attribute *attribute);
    bool checkChars(qsizetype from, qsizetype to);
    // Fails with the message unterminated (a QT_TR_NOOP source, translated only then: this runs for
    // every comment, CDATA section and processing instruction of a body).
    bool skipPast(QByteArrayView terminator, const char *unterminated);
    void skipSpace();

    QByteArrayView m_data;
    qsizetype m_start;
    qsizetype m_pos;
    qsizetype m_tokenStart = 0;
    qsizetype m_nameStart = 0;
    qsizetype m_nameEnd = 0;
    std::vector<Attribute> m_attributes;
    std::vector<QByteArrayView> m_attributeNames; // scratch, for the duplicate check
    bool m_blank = false;
    bool m_doctypeSeen = false; // entities other than the five predefined ones may then be declared
    QString m_error;
    qsizetype m_errorOffset = -1;
};

} // namespace Postern
