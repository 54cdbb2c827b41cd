#include "ui/widgets/lineview.h"

#include "ui/widgets/jsonhighlighter.h"
#include "ui/widgets/lineviewaccessible.h"
#include "ui/widgets/palette.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QScrollBar>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Line items a view keeps for screen readers before it lets go of those off screen.
constexpr int AccessibleLinesKept = 256;

} // namespace

class LineViewMargin : public QWidget
{
public:
    explicit LineViewMargin(LineView *view)
        : QWidget(view)
        , m_view(view)
    {
    }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event, this); }

private:
    LineView *m_view;
};

// One line on screen, for screen readers: its text is its name.
LineView::LineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(lineViewAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled);

    m_margin = new LineViewMargin(this);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    updateMargin();
    updateScrollBars();
}

LineView::~LineView()
{
    dropAccessibleLines();
}

qsizetype LineView::lineCount() const
{
    return m_source ? m_source->lineCount() : 0;
}

void LineView::setSource(std::shared_ptr<const LineSource> source)
{
    m_wrappedHeights.clear();
    dropAccessibleLines();
    m_source = std::move(source);
    m_current = lineCount() > 0 ? 0 : -1;
    m_anchor = -1;
    m_matches.clear();
    m_currentMatch = -1;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateMargin();
    updateScrollBars();
    viewport()->update();
    m_margin->update();
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::NameChanged); // the whole list is new
        QAccessible::updateAccessibility(&event);
    }
}

void LineView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    if (lineCount() == 0)
        viewport()->update();
}

qsizetype LineView::selectionFirst() const
{
    return hasSelection() ? qMin(m_anchor, m_current) : m_current;
}

qsizetype LineView::selectionLast() const
{
    return hasSelection() ? qMax(m_anchor, m_current) : m_current;
}

void LineView::setCurrentLine(qsizetype line, bool keepSelection)
{
    const qsizetype count = lineCount();
    if (count == 0)
        return;
    line = qBound<qsizetype>(0, line, count - 1);
    if (keepSelection) {
        if (m_anchor < 0)
            m_anchor = qMax<qsizetype>(0, m_current);
    } else {
        m_anchor = -1;
    }
    const bool moved = line != m_current;
    m_current = line;
    scrollToLine(line);
    viewport()->update();
    m_margin->update();
    if (moved)
        Q_EMIT currentLineChanged(line);
    notifyAccessibleFocus();
}

void LineView::selectAll()
{
    if (lineCount() == 0)
        return;
    m_anchor = 0;
    m_current = lineCount() - 1;
    viewport()->update();
}

void LineView::clearSelection()
{
    m_anchor = -1;
    viewport()->update();
}

QString LineView::selectedText() const
{
    if (m_current < 0)
        return QString();
    return m_source->copyText(selectionFirst(), selectionLast());
}

QString LineView::text() const
{
    return lineCount() > 0 ? m_source->copyText(0, lineCount() - 1) : QString();
}

qsizetype LineView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

int LineView::visibleLineCount() const
{
    if (m_wrap)
        return int(rowsOnScreen().size());
    const int rows = (viewport()->height() + lineHeight() - 1) / lineHeight();
    return int(std::clamp<qsizetype>(lineCount() - firstVisibleLine(), 0, rows));
}

int LineView::lineHeight() const
{
    return qMax(1, fontMetrics().lineSpacing());
}

int LineView::charWidth() const
{
    return qMax(1, fontMetrics().horizontalAdvance(u'0'));
}

int LineView::lineNumberWidth() const
{
    const int digits = int(QString::number(qMax<qsizetype>(999, lineCount())).size());
    return charWidth() * digits + 2 * Padding;
}

qreal LineView::columnX(const QString &text, qsizetype column) const
{
    return fontMetrics().horizontalAdvance(text, int(qBound<qsizetype>(0, column, text.size())));
}

qsizetype LineView::lineAt(int y) const
{
    if (y < 0)
        return -1;
    if (m_wrap) {
        for (const Row &row : rowsOnScreen()) {
            if (y < row.y + row.height)
                return row.line;
        }
        return -1;
    }
    const qsizetype line = firstVisibleLine() + y / lineHeight();
    return line < lineCount() ? line : -1;
}

void LineView::setMatches(QList<FindMatch> matches, qsizetype current)
{
    m_matches = std::move(matches);
    m_currentMatch = current >= 0 && current < m_matches.size() ? current : -1;
    if (m_currentMatch >= 0) {
        const FindMatch &match = m_matches.at(m_currentMatch);
        setCurrentLine(match.line);
        scrollToColumn(match.line, match.column, match.length);
    }
    viewport()->update();
}

void LineView::scrollToLine(qsizetype line)
{
    const qsizetype first = firstVisibleLine();
    if (line < first) {
        verticalScrollBar()->setValue(int(line));
        return;
    }
    if (!m_wrap) {
        const int fullRows = qMax(1, viewport()->height() / lineHeight());
        if (line >= first + fullRows)
            verticalScrollBar()->setValue(int(line - fullRows + 1));
        return;
    }
    const QRect shown = lineRect(line);
    if (shown.isValid() && (shown.bottom() < viewport()->height() || line == first))
        return;
    // The top line that puts line at the bottom, whole if it fits.
    qsizetype top = line;
    int height = wrappedHeight(line);
    while (top > 0) {
        const int above = wrappedHeight(top - 1);
        if (height + above > viewport()->height())
            break;
        height += above;
        --top;
    }
    verticalScrollBar()->setValue(int(top));
}

void LineView::setWordWrap(bool wrap)
{
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    m_wrappedHeights.clear();
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    if (m_current >= 0)
        scrollToLine(m_current);
    viewport()->update();
    m_margin->update();
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::VisibleDataChanged);
        QAccessible::updateAccessibility(&event);
    }
}

void LineView::scrollToColumn(qsizetype line, qsizetype column, qsizetype length)
{
    if (m_wrap)
        return; // nothing is out of sight sideways
    const QString text = m_source->lineText(line);
    qreal start = qreal(column) * charWidth();
    qreal end = qreal(column + length) * charWidth();
    if (text.size() <= LongLine) {
        start = columnX(text, column);
        end = columnX(text, column + length);
    }
    QScrollBar *bar = horizontalScrollBar();
    const int width = viewport()->width() - 2 * Padding;
    if (start < bar->value() || end > bar->value() + width)
        bar->setValue(int(qMax<qreal>(0, start - width / 3)));
}

void LineView::updateScrollBars()
{
    const int rows = qMax(1, viewport()->height() / lineHeight());
    if (m_wrap) {
        // As far down as leaves the last lines filling the view.
        qsizetype top = lineCount() - 1;
        int height = top >= 0 ? wrappedHeight(top) : 0;
        while (top > 0 && height + wrappedHeight(top - 1) <= viewport()->height())
            height += wrappedHeight(--top);
        verticalScrollBar()->setRange(0, int(qMax<qsizetype>(0, top)));
        verticalScrollBar()->setPageStep(rows);
        verticalScrollBar()->setSingleStep(1);
        horizontalScrollBar()->setRange(0, 0);
        return;
    }
    verticalScrollBar()->setRange(0, int(qMax<qsizetype>(0, lineCount() - rows)));
    verticalScrollBar()->setPageStep(rows);
    verticalScrollBar()->setSingleStep(1);
    const qint64 width = m_source ? qint64(m_source->widthHint() + 2) * charWidth() + 2 * Padding : 0;
    horizontalScrollBar()->setRange(0, int(std::clamp<qint64>(width - viewport()->width(), 0, INT_MAX / 2)));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(2 * charWidth());
}

void LineView::updateMargin()
{
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
    const QRect contents = contentsRect();
    m_margin->setGeometry(contents.left(), contents.top(), lineNumberWidth(), viewport()->height());
}

void LineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateMargin();
    updateScrollBars();
}

void LineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_wrappedHeights.clear();
        updateMargin();
        updateScrollBars();
    }
}

void LineView::scrollContentsBy(int, int)
{
    viewport()->update();
    m_margin->update();
    if (m_accessibleLines.size() > AccessibleLinesKept)
        dropAccessibleLines();
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::VisibleDataChanged);
        QAccessible::updateAccessibility(&event);
    }
}

void LineView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    if (m_current < 0 && lineCount() > 0)
        m_current = firstVisibleLine();
    viewport()->update();
    notifyAccessibleFocus();
}

void LineView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void LineView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    const qsizetype count = lineCount();
    if (count == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    const qsizetype current = m_current < 0 ? firstVisibleLine() : m_current;
    const int page
        = m_wrap ? qMax(1, visibleLineCount() - 1) : qMax(1, viewport()->height() / lineHeight() - 1);
    QScrollBar *across = horizontalScrollBar();
    qsizetype target = 0;
    switch (event->key()) {
    case Qt::Key_Up:
        target = m_current < 0 ? current : current - 1;
        break;
    case Qt::Key_Down:
        target = m_current < 0 ? current : current + 1;
        break;
    case Qt::Key_PageUp:
        target = current - page;
        break;
    case Qt::Key_PageDown:
        target = current + page;
        break;
    case Qt::Key_Home:
        if (!control) {
            across->setValue(0);
            return;
        }
        target = 0;
        break;
    case Qt::Key_End:
        if (!control) {
            across->setValue(across->maximum());
            return;
        }
        target = count - 1;
        break;
    case Qt::Key_Left:
        across->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Right:
        across->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_Escape:
        if (hasSelection()) {
            clearSelection();
            return;
        }
        event->ignore(); // for the find bar or the dialog around
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    setCurrentLine(target, shift);
}

void LineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const qsizetype line = lineAt(event->position().toPoint().y());
    if (line < 0)
        return;
    setCurrentLine(line, event->modifiers() & Qt::ShiftModifier);
}

void LineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || lineCount() == 0)
        return;
    // Above or below the view, the selection goes on by a line at a time, scrolling.
    const int y = event->position().toPoint().y();
    qsizetype line = lineAt(qBound(0, y, viewport()->height() - 1));
    if (line < 0)
        line = lineCount() - 1;
    if (y < 0)
        line = firstVisibleLine() - 1;
    else if (y >= viewport()->height())
        line = firstVisibleLine() + visibleLineCount();
    if (line != m_current)
        setCurrentLine(line, true);
}

void LineView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction
        = menu.addAction(hasSelection() ? tr("&Copy Lines") : tr("&Copy Line"), this, &LineView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(m_current >= 0);
    QAction *all = menu.addAction(tr("Select &All"), this, &LineView::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    all->setEnabled(lineCount() > 0);
    menu.exec(event->globalPos());
}

void LineView::copy()
{
    if (m_current < 0)
        return;
    QApplication::clipboard()->setText(selectedText());
    Q_EMIT copied(hasSelection() && selectionFirst() != selectionLast() ? tr("Copied the selected lines.")
                                                                        : tr("Copied the line."));
}

void LineView::notifyAccessibleFocus()
{
    if (!QAccessible::isActive() || !hasFocus() || m_current < 0)
        return;
    const qsizetype row = m_current - firstVisibleLine();
    if (row < 0 || row >= visibleLineCount())
        return;
    QAccessibleEvent event(this, QAccessible::Focus);
    event.setChild(int(row));
    QAccessible::updateAccessibility(&event);
}

QAccessible::Id LineView::accessibleLine(qsizetype line) const
{
    auto it = m_accessibleLines.constFind(line);
    if (it != m_accessibleLines.cend())
        return *it;
    const QAccessible::Id id
        = QAccessible::registerAccessibleInterface(newLineItemAccessible(const_cast<LineView *>(this), line));
    m_accessibleLines.insert(line, id);
    return id;
}

void LineView::dropAccessibleLines()
{
    for (const QAccessible::Id id : std::as_const(m_accessibleLines))
        QAccessible::deleteAccessibleInterface(id);
    m_accessibleLines.clear();
}

} // namespace Postern
