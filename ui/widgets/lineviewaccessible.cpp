#include "ui/widgets/lineviewaccessible.h"

#include "ui/widgets/lineview.h"

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QPointer>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// What a screen reader is given of one line.
constexpr qsizetype AccessibleTextLimit = 4000;

} // namespace

class LineItemAccessible : public QAccessibleInterface
{
public:
    LineItemAccessible(LineView *view, qsizetype line)
        : m_view(view)
        , m_line(line)
    {
    }

    qsizetype line() const { return m_line; }

    bool isValid() const override { return m_view && m_line < m_view->lineCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override
    {
        return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    void setText(QAccessible::Text, const QString &) override { }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return QString();
        if (t == QAccessible::Name) {
            QString text = m_view->source()->lineText(m_line);
            if (text.size() > AccessibleTextLimit) {
                text.truncate(AccessibleTextLimit);
                text += u'\u2026';
            }
            return text;
        }
        if (t == QAccessible::Description)
            return QCoreApplication::translate("Postern::LineView", "Line %1").arg(m_line + 1);
        return QString();
    }

    QRect rect() const override
    {
        if (!isValid())
            return QRect();
        const QRect local = m_view->lineRect(m_line);
        if (!local.isValid())
            return QRect();
        return QRect(m_view->viewport()->mapToGlobal(local.topLeft()), local.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State state;
        state.readOnly = true;
        state.selectable = true;
        state.focusable = true;
        if (!isValid())
            return state;
        state.selected = m_view->hasSelection() && m_line >= m_view->selectionFirst()
            && m_line <= m_view->selectionLast();
        state.focused = m_view->hasFocus() && m_line == m_view->currentLine();
        const qsizetype row = m_line - m_view->firstVisibleLine();
        state.offscreen = row < 0 || row >= m_view->visibleLineCount();
        return state;
    }

private:
    QPointer<LineView> m_view;
    qsizetype m_line;
};

// The view for screen readers: a list whose items are the lines on screen.
class LineViewAccessible : public QAccessibleWidget
{
public:
    explicit LineViewAccessible(LineView *view)
        : QAccessibleWidget(view, QAccessible::List)
    {
    }

    LineView *view() const { return static_cast<LineView *>(widget()); }

    int childCount() const override { return view()->visibleLineCount(); }

    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        return QAccessible::accessibleInterface(view()->accessibleLine(view()->firstVisibleLine() + index));
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        const auto *item = dynamic_cast<const LineItemAccessible *>(child);
        if (!item)
            return -1;
        const qsizetype row = item->line() - view()->firstVisibleLine();
        return row >= 0 && row < childCount() ? int(row) : -1;
    }

    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
        if (!view()->viewport()->rect().contains(local))
            return nullptr;
        const qsizetype line = view()->lineAt(local.y());
        return line < 0 ? nullptr : child(int(line - view()->firstVisibleLine()));
    }

    QAccessibleInterface *focusChild() const override
    {
        const qsizetype row = view()->currentLine() - view()->firstVisibleLine();
        if (!view()->hasFocus() || view()->currentLine() < 0 || row < 0 || row >= childCount())
            return nullptr;
        return child(int(row));
    }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Description && view()->lineCount() == 0 && !view()->placeholderText().isEmpty())
            return view()->placeholderText();
        if (t == QAccessible::Value && view()->lineCount() > 0) {
            const qsizetype first = view()->firstVisibleLine() + 1;
            return QCoreApplication::translate("Postern::LineView", "Lines %1 to %2 of %3")
                .arg(first)
                .arg(first + childCount() - 1)
                .arg(view()->lineCount());
        }
        return QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *newLineItemAccessible(LineView *view, qsizetype line)
{
    return new LineItemAccessible(view, line);
}

QAccessibleInterface *lineViewAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1String(LineView::staticMetaObject.className()) && object
        && object->isWidgetType())
        return new LineViewAccessible(static_cast<LineView *>(object));
    return nullptr;
}

} // namespace Postern
