#pragma once

#include "bodyview/bodyindex.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;
QT_END_NAMESPACE

namespace Postern {

class FindBar;
class JsonTreeView;
class LineView;

// The Body tab of an answer: the body pretty-printed (JSON with keys and numbers as sent), raw, or as a
// tree of keys and values; long lines wrapped or not; Find (Ctrl+F), Go to Line (Ctrl+G), Copy. The body is
// indexed on a worker thread (its lines, and for JSON the lines of its pretty form) and drawn a screen at a
// time, so a body of a hundred megabytes never freezes the window.
class ResponseBody : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Pretty, Raw, Tree };
    Q_ENUM(Mode)

    explicit ResponseBody(QWidget *parent = nullptr);
    ~ResponseBody() override;

    // Starts indexing body; shown() follows, with a note() first if there is something to say.
    void show(const QByteArray &body, const QByteArray &contentTypeHeader);
    // No body: the placeholder says why.
    void showNothing(const QString &placeholder);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // The body as shown in Pretty or Raw (the pretty text in Tree).
    QString text() const;
    LineView *lines() const { return m_lines; }
    FindBar *findBar() const { return m_find; }
    JsonTreeView *tree() const { return m_tree; }
    void openFind();
    void goToLine();

Q_SIGNALS:
    // The view holds the current body (after indexing).
    void shown();
    // About the body as a whole ("not valid JSON, shown raw", an unknown charset); empty: nothing.
    void note(const QString &text);
    // Something to say in the status bar ("Copied the response body.").
    void message(const QString &text);

private:
    void copy();
    void onIndexed();
    void cancelIndexing();
    // Lets go of the body, its lines and its index (and, after a big one, of the memory they held).
    void release();
    void refresh();
    void updateButtons();
    bool hasJson() const;

    Mode m_mode = Mode::Pretty;
    QToolButton *m_prettyButton = nullptr;
    QToolButton *m_rawButton = nullptr;
    QToolButton *m_treeButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTimer *m_copiedTimer = nullptr; // puts "Copy" back on the button
    QToolButton *m_findButton = nullptr;
    QToolButton *m_wrapButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    LineView *m_lines = nullptr;
    JsonTreeView *m_tree = nullptr;
    FindBar *m_find = nullptr;

    QByteArray m_body;
    QByteArray m_contentType; // the header, parameters included
    BodyIndex m_indexed; // empty until the body has been indexed
    QFutureWatcher<BodyIndex> m_indexWatcher;
    std::shared_ptr<std::atomic_bool> m_cancelIndexing;
    bool m_indexing = false;
    bool m_treeShowsIndex = false; // the tree has been given the current index
};

} // namespace Postern
