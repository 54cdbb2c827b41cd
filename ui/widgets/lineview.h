#pragma once

#include "bodyview/linesource.h"
#include "bodyview/textfinder.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QHash>

#include <memory>

QT_BEGIN_NAMESPACE
class QPainter;
class QTextLayout;
QT_END_NAMESPACE

namespace Postern {

// A read-only view of a LineSource that draws only the lines on screen, so a body of a hundred
// megabytes scrolls like one of a hundred bytes: no text document, no layout of lines off screen,
// colours (JSON) worked out only for what is drawn. Line numbers in a margin; find matches marked, the
// current one stronger.
//
// The keyboard moves a current line (Up, Down, Page Up/Down, Ctrl+Home/End; Left/Right scroll
// sideways); Shift or the mouse selects whole lines; Ctrl+C copies the selection, or the current line.
// Screen readers see a list whose items are the lines on screen, the current line focused.
class LineView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit LineView(QWidget *parent = nullptr);
    ~LineView() override;

    // Shows source (nullptr: nothing); the top line, the current line and any selection start over.
    void setSource(std::shared_ptr<const LineSource> source);
    const LineSource *source() const { return m_source.get(); }
    std::shared_ptr<const LineSource> sharedSource() const { return m_source; }
    qsizetype lineCount() const;

    // Shown, and read by screen readers, while there are no lines.
    QString placeholderText() const { return m_placeholder; }
    void setPlaceholderText(const QString &text);

    // The line the keyboard is on, or -1.
    qsizetype currentLine() const { return m_current; }
    // Makes line current, scrolled into view; keepSelection extends the selection to it.
    void setCurrentLine(qsizetype line, bool keepSelection = false);
    bool hasSelection() const { return m_anchor >= 0; }
    qsizetype selectionFirst() const;
    qsizetype selectionLast() const;
    void selectAll();
    void clearSelection();
    // The selected lines as text, or the current line's when none are selected.
    QString selectedText() const;
    // Every line as text.
    QString text() const;
    // The range of lines on screen: [firstVisibleLine(), firstVisibleLine() + visibleLineCount()).
    qsizetype firstVisibleLine() const;
    int visibleLineCount() const;

    // Marks matches (sorted by line, then column); current indexes the one drawn stronger (-1: none)
    // and is scrolled into view.
    void setMatches(QList<FindMatch> matches, qsizetype current = -1);
    qsizetype currentMatch() const { return m_currentMatch; }

    // Long lines wrap at the view's width instead of running off to the right (off by default).
    bool wordWrap() const { return m_wrap; }
    void setWordWrap(bool wrap);

    int lineHeight() const;
    int lineNumberWidth() const;
    // Where line is drawn, in the viewport's coordinates; empty when it is not on screen.
    QRect lineRect(qsizetype line) const;
    // The line drawn at y, in the viewport's coordinates, or -1.
    qsizetype lineAt(int y) const;

Q_SIGNALS:
    void currentLineChanged(qsizetype line);
    void copied(const QString &what);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    friend class LineViewAccessible;
    friend class LineItemAccessible;
    friend class LineViewMargin;

    // A line on screen: where it starts and how tall it is (several rows when wrapped).
    struct Row
    {
        qsizetype line = 0;
        int y = 0;
        int height = 0;
    };
    static constexpr int Padding = 4; // between the margin and the text
    // A line longer than this is drawn, unwrapped, only around what is on screen (and without colours).
    static constexpr qsizetype LongLine = 2000;

    void copy();
    void scrollToLine(qsizetype line);
    QList<Row> rowsOnScreen() const;
    // The width text wraps at, and the height of a line wrapped at it.
    int wrapWidth() const;
    int wrappedHeight(qsizetype line) const;
    // The line as laid out when wrapped: cut after MaxWrappedLength characters.
    QString wrappedText(qsizetype line) const;
    static constexpr qsizetype MaxWrappedLength = 20000;
    int layOutWrapped(QTextLayout *layout) const;
    void paintWrapped(QPainter *painter);
    void updateScrollBars();
    void updateMargin();
    void paintLineNumbers(QPaintEvent *event, QWidget *margin);
    void scrollToColumn(qsizetype line, qsizetype column, qsizetype length);
    int charWidth() const;
    // x of column in line's text, from the text's start.
    qreal columnX(const QString &text, qsizetype column) const;
    void notifyAccessibleFocus();
    void dropAccessibleLines();
    QAccessible::Id accessibleLine(qsizetype line) const;

    std::shared_ptr<const LineSource> m_source;
    QWidget *m_margin = nullptr;
    QString m_placeholder;
    qsizetype m_current = -1;
    qsizetype m_anchor = -1; // selection from here to m_current; -1: nothing selected
    QList<FindMatch> m_matches;
    qsizetype m_currentMatch = -1;
    mutable QHash<qsizetype, QAccessible::Id> m_accessibleLines;
    bool m_wrap = false;
    // Heights of wrapped lines at m_wrappedWidth, as laid out; forgotten when the lines or the width change.
    mutable QHash<qsizetype, int> m_wrappedHeights;
    mutable int m_wrappedWidth = -1;
};

} // namespace Postern
