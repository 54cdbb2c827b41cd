#include "curl/shellwords.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern::ShellWords {

namespace {

constexpr qsizetype MaxUnexpanded = 10;
constexpr qsizetype MaxShownExpansion = 60;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r';
}

bool isOperatorStart(QChar c)
{
    return c == u'|' || c == u'&' || c == u';' || c == u'<' || c == u'>' || c == u'(' || c == u')';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isNameStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || isAsciiDigit(c);
}

int hexValue(QChar c)
{
    if (isAsciiDigit(c))
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// One pass over the text; every character is looked at a bounded number of times, so the time
// is linear in the length whatever the input.
class Splitter
{
public:
    explicit Splitter(const QString &text)
        : m_text(QString(text).replace(u"\r\n"_s, u"\n"_s))
    {
    }

    SplitResult run();

private:
    QChar at(qsizetype i) const { return i < m_text.size() ? m_text.at(i) : QChar(); }
    bool fail(const QString &error)
    {
        if (m_result.error.isEmpty())
            m_result.error = error;
        return false;
    }
    void startWord();
    void endWord();
    void addOperator(const QString &op);
    void operatorToken();
    bool singleQuoted();
    bool doubleQuoted();
    bool ansiCQuoted();
    bool dollar();
    bool backquoted();
    void keepExpansion(qsizetype from, qsizetype to);
    qsizetype closingParenthesis(qsizetype open) const;

    const QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    SplitResult m_result;
    bool m_inWord = false;
    bool m_wordQuoted = false; // any part of the current word was quoted or escaped
    Token m_word;
};

SplitResult Splitter::run()
{
    if (const qsizetype nul = m_text.indexOf(QChar(0)); nul >= 0) {
        fail(u"The text contains a NUL character (at position %1), which no command line can carry."_s.arg(
            nul + 1));
        return m_result;
    }
    bool ok = true;
    while (ok && m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c == u'\\') {
            if (at(m_pos + 1) == u'\n') { // line continuation, even inside a word
                m_pos += 2;
                ++m_line;
            } else if (m_pos + 1 >= m_text.size()) {
                ++m_pos; // a backslash at the very end escapes nothing
            } else {
                startWord();
                m_wordQuoted = true;
                m_word.text += m_text.at(m_pos + 1);
                m_pos += 2;
            }
        } else if (c == u'\'') {
            startWord();
            ok = singleQuoted();
        } else if (c == u'"') {
            startWord();
            ok = doubleQuoted();
        } else if (c == u'$' && at(m_pos + 1) == u'\'') {
            startWord();
            ok = ansiCQuoted();
        } else if (c == u'$' && at(m_pos + 1) == u'"') { // $"…" is a translated string: read as "…"
            ++m_pos;
            startWord();
            ok = doubleQuoted();
        } else if (c == u'$') {
            startWord();
            ok = dollar();
        } else if (c == u'`') {
            startWord();
            ok = backquoted();
        } else if (c == u'\n') {
            endWord();
            addOperator(u"\n"_s);
            ++m_pos;
            ++m_line;
        } else if (isBlank(c)) {
            endWord();
            ++m_pos;
        } else if (c == u'#' && !m_inWord) { // a comment runs to the end of the line
            while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
                ++m_pos;
        } else if (isOperatorStart(c)) {
            operatorToken();
        } else {
            startWord();
            m_word.text += c;
            ++m_pos;
        }
    }
    if (ok)
        endWord();
    return m_result;
}

void Splitter::startWord()
{
    if (m_inWord)
        return;
    m_inWord = true;
    m_wordQuoted = false;
    m_word = Token { Token::Kind::Word, QString(), m_line };
}

void Splitter::endWord()
{
    if (!m_inWord)
        return;
    m_result.tokens.append(m_word);
    m_inWord = false;
}

void Splitter::addOperator(const QString &op)
{
    // Leading and blank lines end nothing.
    if (op == u"\n"_s
        && (m_result.tokens.isEmpty()
            || (m_result.tokens.constLast().kind == Token::Kind::Operator
                && m_result.tokens.constLast().text == op)))
        return;
    m_result.tokens.append(Token { Token::Kind::Operator, op, m_line });
}

void Splitter::operatorToken()
{
    const QChar c = m_text.at(m_pos);
    QString ioNumber;
    const bool digitsOnly = m_inWord && !m_wordQuoted && !m_word.text.isEmpty()
        && std::all_of(m_word.text.cbegin(), m_word.text.cend(), isAsciiDigit);
    if ((c == u'<' || c == u'>') && digitsOnly) { // "2>": the word is the redirected descriptor
        ioNumber = m_word.text;
        m_inWord = false;
    } else {
        endWord();
    }
    static const QString longest[] = { u"<<-"_s, u"&>>"_s, u"&&"_s, u"||"_s, u";;"_s, u"<<"_s,
                                       u">>"_s,  u"<&"_s,  u">&"_s, u"<>"_s, u">|"_s, u"&>"_s };
    const QStringView rest = QStringView(m_text).mid(m_pos);
    QString op = QString(c);
    for (const QString &candidate : longest) {
        if (rest.startsWith(candidate)) {
            op = candidate;
            break;
        }
    }
    m_pos += op.size();
    addOperator(ioNumber + op);
}

bool Splitter::singleQuoted()
{
    m_wordQuoted = true;
    const qsizetype close = m_text.indexOf(u'\'', m_pos + 1);
    if (close < 0)
        return fail(u"A single quote opened on line %1 is never closed."_s.arg(m_line));
    const QStringView quoted = QStringView(m_text).mid(m_pos + 1, close - m_pos - 1);
    m_word.text += quoted;
    m_line += int(quoted.count(u'\n'));
    m_pos = close + 1;
    return true;
}

bool Splitter::doubleQuoted()
{
    m_wordQuoted = true;
    const int openLine = m_line;
    ++m_pos;
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c == u'"') {
            ++m_pos;
            return true;
        }
        if (c == u'\\') {
            // Inside double quotes a backslash escapes only $ ` " \ and the line break.
            const QChar next = at(m_pos + 1);
            if (next == u'\n') {
                m_pos += 2;
                ++m_line;
            } else if (next == u'$' || next == u'`' || next == u'"' || next == u'\\') {
                m_word.text += next;
                m_pos += 2;
            } else {
                m_word.text += c;
                ++m_pos;
            }
        } else if (c == u'$') {
            if (!dollar())
                return false;
        } else if (c == u'`') {
            if (!backquoted())
                return false;
        } else {
            if (c == u'\n')
                ++m_line;
            m_word.text += c;
            ++m_pos;
        }
    }
    return fail(u"A double quote opened on line %1 is never closed."_s.arg(openLine));
}

bool Splitter::ansiCQuoted()
{
    m_wordQuoted = true;
    const int openLine = m_line;
    m_pos += 2;
    QByteArray bytes; // \x and octal escapes give bytes, read as UTF-8 at the end
    QString run;
    const auto flush = [&] {
        bytes += run.toUtf8();
        run.clear();
    };
    const auto readDigits = [&](int base, int maxDigits, uint *value) {
        int digits = 0;
        *value = 0;
        while (digits < maxDigits) {
            const int digit = hexValue(at(m_pos));
            if (digit < 0 || digit >= base)
                break;
            *value = *value * uint(base) + uint(digit);
            ++m_pos;
            ++digits;
        }
        return digits;
    };
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c == u'\'') {
            ++m_pos;
            flush();
            if (bytes.contains('\0'))
                return fail(
                    u"The quote $'\u2026' on line %1 holds a NUL character, which no command line can "
                    u"carry."_s.arg(openLine));
            m_word.text += QString::fromUtf8(bytes);
            return true;
        }
        if (c != u'\\') {
            if (c == u'\n')
                ++m_line;
            run += c;
            ++m_pos;
            continue;
        }
        const QChar e = at(m_pos + 1);
        m_pos += 2;
        uint value = 0;
        switch (e.unicode()) {
        case u'a':
            run += QChar(0x07);
            break;
        case u'b':
            run += QChar(0x08);
            break;
        case u'e':
        case u'E':
            run += QChar(0x1b);
            break;
        case u'f':
            run += QChar(0x0c);
            break;
        case u'n':
            run += QChar(0x0a);
            break;
        case u'r':
            run += QChar(0x0d);
            break;
        case u't':
            run += QChar(0x09);
            break;
        case u'v':
            run += QChar(0x0b);
            break;
        case u'\\':
        case u'\'':
        case u'"':
        case u'?':
            run += e;
            break;
        case u'x':
            if (readDigits(16, 2, &value) == 0) {
                run += u"\\x"_s;
            } else {
                flush();
                bytes.append(char(value));
            }
            break;
        case u'u':
        case u'U':
            if (readDigits(16, e == u'u' ? 4 : 8, &value) == 0) {
                run += u'\\';
                run += e;
            } else {
                if (value == 0)
                    return fail(
                        u"The quote $'\u2026' on line %1 holds a NUL character, which no command line "
                        u"can carry."_s.arg(openLine));
                if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
                    value = 0xfffd;
                const char32_t codePoint = value;
                run += QString::fromUcs4(&codePoint, 1);
            }
            break;
        case u'c':
            if (m_pos < m_text.size()) {
                run += QChar(m_text.at(m_pos).unicode() & 0x1f);
                ++m_pos;
            } else {
                run += u"\\c"_s;
            }
            break;
        default:
            if (e >= u'0' && e <= u'7') {
                --m_pos; // the first digit is part of the number
                readDigits(8, 3, &value);
                flush();
                bytes.append(char(value & 0xff));
            } else if (!e.isNull()) {
                if (e == u'\n')
                    ++m_line;
                run += u'\\';
                run += e;
            }
            break;
        }
    }
    return fail(u"The quote $'\u2026' opened on line %1 is never closed."_s.arg(openLine));
}

// At '$' that does not start a quote: ${…}, $(…), $((…)), $name and $1, $@, … are kept as written.
bool Splitter::dollar()
{
    const qsizetype start = m_pos;
    const QChar next = at(m_pos + 1);
    if (next == u'{') {
        int depth = 0;
        for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
            if (m_text.at(i) == u'{') {
                ++depth;
            } else if (m_text.at(i) == u'}' && --depth == 0) {
                keepExpansion(start, i + 1);
                return true;
            }
        }
        return fail(u"A \u201c${\u201d opened on line %1 is never closed."_s.arg(m_line));
    }
    if (next == u'(') {
        const qsizetype close = closingParenthesis(m_pos + 1);
        if (close < 0)
            return fail(u"A \u201c$(\u201d opened on line %1 is never closed."_s.arg(m_line));
        keepExpansion(start, close + 1);
        return true;
    }
    if (isNameStart(next)) {
        qsizetype end = m_pos + 2;
        while (isNameChar(at(end)))
            ++end;
        keepExpansion(start, end);
        return true;
    }
    if (isAsciiDigit(next) || (!next.isNull() && u"@*#?-$!"_s.contains(next))) {
        keepExpansion(start, m_pos + 2);
        return true;
    }
    m_word.text += u'$'; // a '$' that starts nothing is itself
    ++m_pos;
    return true;
}

// The ')' that closes the '(' at open, skipping quoted text and escapes; -1 when there is none.
qsizetype Splitter::closingParenthesis(qsizetype open) const
{
    int depth = 0;
    for (qsizetype i = open; i < m_text.size(); ++i) {
        const QChar c = m_text.at(i);
        if (c == u'\\') {
            ++i;
        } else if (c == u'\'') {
            i = m_text.indexOf(u'\'', i + 1);
            if (i < 0)
                return -1;
        } else if (c == u'"') {
            for (++i; i < m_text.size() && m_text.at(i) != u'"'; ++i) {
                if (m_text.at(i) == u'\\')
                    ++i;
            }
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

bool Splitter::backquoted()
{
    for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
        if (m_text.at(i) == u'\\') {
            ++i;
        } else if (m_text.at(i) == u'`') {
            keepExpansion(m_pos, i + 1);
            return true;
        }
    }
    return fail(u"A backquote opened on line %1 is never closed."_s.arg(m_line));
}

void Splitter::keepExpansion(qsizetype from, qsizetype to)
{
    const QStringView text = QStringView(m_text).mid(from, to - from);
    m_word.text += text;
    m_line += int(text.count(u'\n'));
    m_pos = to;
    if (m_result.unexpanded.size() >= MaxUnexpanded)
        return;
    const QString shown = text.size() > MaxShownExpansion
        ? text.left(MaxShownExpansion).toString() + u'\u2026'
        : text.toString();
    if (!m_result.unexpanded.contains(shown))
        m_result.unexpanded.append(shown);
}

} // namespace

SplitResult split(const QString &text)
{
    return Splitter(text).run();
}

QString quote(const QString &word)
{
    if (word.isEmpty())
        return u"''"_s;
    static const QString safe = u"_@%+=:,./-"_s;
    for (const QChar c : word) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && !safe.contains(c))
            return singleQuote(word);
    }
    return word;
}

QString singleQuote(const QString &word)
{
    return u'\'' + QString(word).replace(u"'"_s, u"'\\''"_s) + u'\'';
}

} // namespace Postern::ShellWords
