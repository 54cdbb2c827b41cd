#pragma once

#include "bodyview/jsonpath.h"
#include "bodyview/jsonpathsyntax.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <optional>

namespace Postern {

// The characters of a JSONPath expression with a cursor over them, and the lexical pieces of RFC 9535's
// grammar read from there: blank space, string literals with their escapes (§2.3.1.1), integers in
// I-JSON's range (§2.3.3), number literals (§2.3.5.1) and member names (§2.5.1.1). Keeps the first
// error met, with its position; what JsonPathParser builds on.
class JsonPathScanner
{
    Q_DECLARE_TR_FUNCTIONS(Postern::JsonPathScanner)

public:
    // Indexes and slice bounds are I-JSON integers (§2.1).
    static constexpr qint64 MaxInteger = (qint64(1) << 53) - 1;

    // What a failed step gives back, whatever it was to give: the caller returns it and unwinds.
    struct Failure
    {
        template<typename T> operator std::optional<T>() const { return std::nullopt; }
        operator JsonPathSyntax::ExprPtr() const { return nullptr; }
    };

    explicit JsonPathScanner(const QString &text);

    bool atEnd() const { return m_pos >= m_text.size(); }
    qsizetype position() const { return m_pos; }
    void moveTo(qsizetype position) { m_pos = position; }
    void advance(qsizetype count = 1) { m_pos += count; }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    bool at(QChar c) const { return !atEnd() && m_text.at(m_pos) == c; }
    bool at(QStringView s) const { return QStringView(m_text).sliced(m_pos).startsWith(s); }
    bool atDigit() const { return !atEnd() && isDigit(m_text.at(m_pos)); }
    // Skips blank space (§2.1.1's B: space, tab, LF, CR); whether there was any.
    bool skipBlank();

    // Records the first failure, "<message> at column <position + 1>"; later ones are dropped.
    Failure fail(qsizetype at, const QString &message);
    // "Expected <what> but found <the character here>".
    Failure unexpected(const QString &expected);
    bool failed() const { return m_failed; }
    const JsonPath::Error &error() const { return m_error; }

    // string-literal at '\'' or '"', decoded.
    std::optional<QString> stringLiteral();
    // int = "0" / (["-"] DIGIT1 *DIGIT), within ±MaxInteger.
    std::optional<qint64> integer();
    // number = (int / "-0") [ frac ] [ exp ]
    std::optional<double> number();
    // member-name-shorthand = name-first *name-char; nothing (and no failure) when there is none here.
    std::optional<QString> memberName();
    // [a-z][a-z0-9_]*, a function name or true, false, null; empty when there is none here.
    QString lowercaseName();

    static bool isBlank(QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; }
    static bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

private:
    bool escape(QChar quote, QString *text);
    std::optional<char16_t> hex4();
    QString describeHere() const;

    const QString &m_text;
    qsizetype m_pos = 0;
    bool m_failed = false;
    JsonPath::Error m_error;
};

} // namespace Postern
