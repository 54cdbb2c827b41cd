#include "curl/shellsplitter_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern::ShellWords {

namespace Detail {

SplitResult Splitter::run()
{
    if (const qsizetype nul = m_text.indexOf(QChar(0)); nul >= 0) {
        fail(tr("The text contains a NUL character (at position %1), which no command line can carry.")
                 .arg(nul + 1));
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
        return fail(tr("A single quote opened on line %1 is never closed.").arg(m_line));
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
    return fail(tr("A double quote opened on line %1 is never closed.").arg(openLine));
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
        return fail(tr("A “${” opened on line %1 is never closed.").arg(m_line));
    }
    if (next == u'(') {
        const qsizetype close = closingParenthesis(m_pos + 1);
        if (close < 0)
            return fail(tr("A “$(” opened on line %1 is never closed.").arg(m_line));
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
    return fail(tr("A backquote opened on line %1 is never closed.").arg(m_line));
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

} // namespace Detail

SplitResult split(const QString &text)
{
    return Detail::Splitter(text).run();
}

QString quote(const QString &word)
{
    if (word.isEmpty())
        return u"''"_s;
    static const QString safe = u"_@%+=:,./-"_s;
    for (const QChar c : word) {
        if (!Detail::isAsciiLetter(c) && !Detail::isAsciiDigit(c) && !safe.contains(c))
            return singleQuote(word);
    }
    return word;
}

QString singleQuote(const QString &word)
{
    return u'\'' + QString(word).replace(u"'"_s, u"'\\''"_s) + u'\'';
}

} // namespace Postern::ShellWords
