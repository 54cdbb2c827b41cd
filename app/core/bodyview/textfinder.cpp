#include "bodyview/textfinder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Postern {

TextFinder::TextFinder(const FindOptions &options)
    : m_options(options)
    , m_plain(!options.regex && !options.wholeWord)
{
    if (m_plain) {
        m_matcher
            = QStringMatcher(options.text, options.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
        return;
    }
    QString pattern = options.regex ? options.text : QRegularExpression::escape(options.text);
    if (options.wholeWord) // not \b: a word may begin or end with a character that is not a letter
        pattern = u"(?<!\\w)(?:"_s + pattern + u")(?!\\w)"_s;
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (!options.caseSensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    m_expression = QRegularExpression(pattern, flags);
    if (!m_expression.isValid()) {
        m_errorString = QCoreApplication::translate("Postern::TextFinder", "%1 at %2")
                            .arg(m_expression.errorString())
                            .arg(m_expression.patternErrorOffset() - (options.wholeWord ? 8 : 0));
        return;
    }
    m_expression.optimize();
}

void TextFinder::findInLine(const QString &text, qsizetype line, QList<FindMatch> *matches) const
{
    if (isEmpty() || !isValid())
        return;
    if (m_plain) {
        const qsizetype length = m_options.text.size();
        for (qsizetype at = m_matcher.indexIn(text); at >= 0; at = m_matcher.indexIn(text, at + length))
            matches->append({ line, at, length });
        return;
    }
    for (auto it = m_expression.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() > 0)
            matches->append({ line, match.capturedStart(), match.capturedLength() });
    }
}

TextFinder::Result TextFinder::findAll(const LineSource &source, const std::atomic_bool *cancel,
                                       qsizetype cap) const
{
    Result result;
    if (isEmpty() || !isValid())
        return result;
    QList<FindMatch> inLine;
    const qsizetype lines = source.lineCount();
    for (qsizetype line = 0; line < lines; ++line) {
        if ((line & 0x3ff) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
            result.canceled = true;
            result.matches.clear();
            return result;
        }
        inLine.clear();
        findInLine(source.lineText(line), line, &inLine);
        result.total += inLine.size();
        for (qsizetype i = 0; i < inLine.size() && result.matches.size() < cap; ++i)
            result.matches.append(inLine.at(i));
    }
    return result;
}

} // namespace Postern
