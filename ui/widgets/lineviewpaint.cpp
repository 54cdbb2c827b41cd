#include "ui/widgets/jsonhighlighter.h"
#include "ui/widgets/lineview.h"
#include "ui/widgets/palette.h"

#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

// LineView's drawing: one row a line, or, wrapped, each line laid out at the view's width.

namespace Postern {

QList<LineView::Row> LineView::rowsOnScreen() const
{
    QList<Row> rows;
    if (!m_source)
        return rows;
    const qsizetype count = lineCount();
    const int bottom = viewport()->height();
    int y = 0;
    for (qsizetype line = firstVisibleLine(); line < count && y < bottom; ++line) {
        const int height = m_wrap ? wrappedHeight(line) : lineHeight();
        rows.append({ line, y, height });
        y += height;
    }
    return rows;
}

QRect LineView::lineRect(qsizetype line) const
{
    if (!m_wrap) {
        const qsizetype row = line - firstVisibleLine();
        if (row < 0 || row >= visibleLineCount())
            return {};
        return QRect(0, int(row) * lineHeight(), viewport()->width(), lineHeight());
    }
    for (const Row &row : rowsOnScreen()) {
        if (row.line == line)
            return QRect(0, row.y, viewport()->width(), row.height);
    }
    return {};
}

int LineView::wrapWidth() const
{
    return qMax(8 * charWidth(), viewport()->width() - 2 * Padding);
}

int LineView::layOutWrapped(QTextLayout *layout) const
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setFont(font());
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    const int height = lineHeight();
    const int width = wrapWidth();
    int y = 0;
    layout->beginLayout();
    for (QTextLine row = layout->createLine(); row.isValid(); row = layout->createLine()) {
        row.setLineWidth(width);
        row.setPosition(QPointF(0, y));
        y += height;
    }
    layout->endLayout();
    return qMax(y, height);
}

QString LineView::wrappedText(qsizetype line) const
{
    QString text = m_source->lineText(line);
    // A line of megabytes (one long JSON string) is laid out only as far as a screen or two shows.
    if (text.size() > MaxWrappedLength) {
        text.truncate(MaxWrappedLength);
        text += u" \u2026"_s;
    }
    return text;
}

int LineView::wrappedHeight(qsizetype line) const
{
    const auto known = m_wrappedHeights.constFind(line);
    if (known != m_wrappedHeights.cend() && m_wrappedWidth == wrapWidth())
        return *known;
    if (m_wrappedWidth != wrapWidth()) {
        m_wrappedHeights.clear();
        m_wrappedWidth = wrapWidth();
    }
    const QString text = wrappedText(line);
    int height = lineHeight();
    // Most lines fit: no layout needed for those (the font is fixed-width).
    if (qint64(text.size() + 1) * charWidth() > wrapWidth()
        || fontMetrics().horizontalAdvance(text) > wrapWidth()) {
        QTextLayout layout(text);
        height = layOutWrapped(&layout);
    }
    if (m_wrappedHeights.size() > 4096)
        m_wrappedHeights.clear();
    m_wrappedHeights.insert(line, height);
    return height;
}

void LineView::paintWrapped(QPainter *painter)
{
    const QPalette &pal = palette();
    const int width = viewport()->width();
    const bool json = m_source->style() == LineStyle::Json;
    const QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    const QList<Row> rows = rowsOnScreen();
    if (rows.isEmpty())
        return;
    auto match = std::lower_bound(m_matches.cbegin(), m_matches.cend(), rows.constFirst().line,
                                  [](const FindMatch &m, qsizetype line) { return m.line < line; });
    for (const Row &row : rows) {
        const bool selected = hasSelection() && row.line >= selectionFirst() && row.line <= selectionLast();
        if (selected)
            painter->fillRect(0, row.y, width, row.height, pal.brush(group, QPalette::Highlight));
        else if (row.line == m_current && hasFocus())
            painter->fillRect(0, row.y, width, row.height, pal.brush(group, QPalette::AlternateBase));

        const QString text = wrappedText(row.line);
        QTextLayout layout(text);
        if (json && !selected && text.size() <= LongLine) {
            QList<QTextLayout::FormatRange> colours;
            for (const JsonHighlight::Span &span : JsonHighlight::spans(text)) {
                QTextCharFormat format;
                format.setForeground(Theme::color(span.role, pal));
                colours.append({ int(span.start), int(span.length), format });
            }
            layout.setFormats(colours);
        }
        layOutWrapped(&layout);
        QList<QTextLayout::FormatRange> marks;
        for (; match != m_matches.cend() && match->line == row.line; ++match) {
            const bool current = m_currentMatch >= 0 && match - m_matches.cbegin() == m_currentMatch;
            QTextCharFormat format;
            format.setBackground(Theme::color(
                current ? ColorRole::FindCurrentBackground : ColorRole::FindMatchBackground, pal));
            marks.append({ int(match->column), int(match->length), format });
        }
        painter->setPen(pal.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        layout.draw(painter, QPointF(Padding, row.y), marks);
    }
}

void LineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    if (lineCount() == 0) {
        if (!m_placeholder.isEmpty()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(viewport()->rect().adjusted(Padding, Padding, -Padding, -Padding),
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
        }
        return;
    }
    if (m_wrap) {
        paintWrapped(&painter);
        return;
    }
    const int height = lineHeight();
    const int ascent = fontMetrics().ascent();
    const int columnWidth = charWidth();
    const int width = viewport()->width();
    const int scrolled = horizontalScrollBar()->value();
    const qsizetype first = firstVisibleLine();
    const int rows = visibleLineCount();
    const bool json = m_source->style() == LineStyle::Json;
    const QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    const QColor matchColor = Theme::color(ColorRole::FindMatchBackground, pal);
    const QColor currentMatchColor = Theme::color(ColorRole::FindCurrentBackground, pal);
    const QColor keyColor = Theme::color(ColorRole::JsonKey, pal);
    const QColor stringColor = Theme::color(ColorRole::JsonString, pal);
    const QColor numberColor = Theme::color(ColorRole::JsonNumber, pal);
    const QColor literalColor = Theme::color(ColorRole::JsonLiteral, pal);
    const auto colorOf = [&](ColorRole role) -> const QColor & {
        return role == ColorRole::JsonKey    ? keyColor
            : role == ColorRole::JsonNumber  ? numberColor
            : role == ColorRole::JsonLiteral ? literalColor
                                             : stringColor;
    };

    auto match = std::lower_bound(m_matches.cbegin(), m_matches.cend(), first,
                                  [](const FindMatch &m, qsizetype line) { return m.line < line; });
    for (int row = 0; row < rows; ++row) {
        const qsizetype line = first + row;
        const int y = row * height;
        const bool selected = hasSelection() && line >= selectionFirst() && line <= selectionLast();
        if (selected)
            painter.fillRect(0, y, width, height, pal.brush(group, QPalette::Highlight));
        else if (line == m_current && hasFocus())
            painter.fillRect(0, y, width, height, pal.brush(group, QPalette::AlternateBase));

        QString text = m_source->lineText(line);
        qsizetype skipped = 0; // columns left out at the start of a long line
        if (text.size() > LongLine) {
            skipped = qMax<qsizetype>(0, scrolled / columnWidth - 64);
            text = text.mid(skipped, width / columnWidth + 128);
        }
        const qreal x0 = Padding - scrolled + qreal(skipped) * columnWidth;

        for (; match != m_matches.cend() && match->line == line; ++match) {
            const qsizetype from = match->column - skipped;
            if (from + match->length < 0 || from > text.size())
                continue;
            const qreal left = x0 + columnX(text, from);
            const qreal right = x0 + columnX(text, from + match->length);
            const bool current = m_currentMatch >= 0 && match - m_matches.cbegin() == m_currentMatch;
            painter.fillRect(QRectF(left, y, qMax<qreal>(right - left, 2), height),
                             current ? currentMatchColor : matchColor);
        }

        const QColor plain = pal.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        painter.setPen(plain);
        if (!json || selected || skipped > 0 || text.size() > LongLine) {
            painter.drawText(QPointF(x0, y + ascent), text);
            continue;
        }
        qsizetype at = 0;
        qreal x = x0;
        const auto draw = [&](qsizetype from, qsizetype length, const QColor &color) {
            const QString run = text.mid(from, length);
            painter.setPen(color);
            painter.drawText(QPointF(x, y + ascent), run);
            x += fontMetrics().horizontalAdvance(run);
        };
        for (const JsonHighlight::Span &span : JsonHighlight::spans(text)) {
            if (span.start > at)
                draw(at, span.start - at, plain);
            draw(span.start, span.length, colorOf(span.role));
            at = span.start + span.length;
        }
        if (at < text.size())
            draw(at, text.size() - at, plain);
    }
}

void LineView::paintLineNumbers(QPaintEvent *, QWidget *margin)
{
    QPainter painter(margin);
    const QPalette &pal = palette();
    painter.fillRect(margin->rect(), pal.color(QPalette::Window));
    const int right = margin->width() - Padding;
    for (const Row &row : rowsOnScreen()) {
        const QRect box(0, row.y, right, lineHeight());
        painter.setPen(pal.color(row.line == m_current ? QPalette::WindowText : QPalette::PlaceholderText));
        // A cut of a long line has no number of its own.
        const QString label
            = m_source->isContinuation(row.line) ? u"\u21AA"_s : QString::number(row.line + 1);
        painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, label);
    }
}

} // namespace Postern
