#pragma once

#include "bodyview/bodyindex.h"
#include "bodyview/hexlines.h"
#include "http/httpresponse.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;
QT_END_NAMESPACE

namespace Postern {

class FindBar;
class ImagePreview;
class JsonFilterBar;
class JsonTreeView;
class LineView;

// The Body tab of an answer: the body pretty-printed (JSON with keys and numbers as sent, XML and HTML
// indented), raw, as a tree of keys and values (JSON), previewed (images; HTML in a browser view with
// JavaScript and the network off, made the first time one is asked for) or in hex; long lines wrapped or
// not; a JSONPath filter (JSON in Pretty and Tree); Find (Ctrl+F), Go to Line (Ctrl+G), Copy. The body is
// indexed on a worker thread (its kind, its lines, the lines of its pretty form, an image decoded) and drawn
// a screen at a time, so a body of a hundred megabytes never freezes the window. A view the body has not
// falls back to the one that suits it (an image's preview, binary's hex, else Pretty or Raw); the choice is
// kept for the next answer.
class ResponseBody : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Pretty, Raw, Tree, Preview, Hex };
    Q_ENUM(Mode)

    explicit ResponseBody(QWidget *parent = nullptr);
    ~ResponseBody() override;

    // Starts indexing the response's body; shown() follows, with a note() first if there is something to
    // say. A body kept in a file (over the client's memory limit) is not shown: it can be saved.
    void show(const HttpResponse &response);
    // No body: the placeholder says why.
    void showNothing(const QString &placeholder);

    // The view chosen, and the one shown for the current body.
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    Mode shownMode() const;
    bool isAvailable(Mode mode) const;
    BodyKind kind() const { return m_indexed.kind; }

    // Makes the HTML preview (in the WebEngine library, loaded then); unset: no HTML preview.
    using HtmlPreviewFactory
        = std::function<QWidget *(const QByteArray &html, QWidget *parent, QString *error)>;
    void setHtmlPreviewFactory(HtmlPreviewFactory factory) { m_htmlFactory = std::move(factory); }
    ImagePreview *imagePreview(); // made when first asked for, as the tree is
    QWidget *htmlPreview() const { return m_html; }

    // The body as shown in Pretty or Raw (the pretty text in Tree).
    QString text() const;
    LineView *lines() const { return m_lines; }
    FindBar *findBar(); // made when first asked for
    JsonTreeView *tree(); // made when first asked for (by the Tree mode, or a test)
    JsonFilterBar *filterBar() const { return m_filter; }
    void openFind();
    void goToLine();
    // Save Response to File: asks where, then saveTo().
    void save();
    // Writes the body to path on a worker thread; saved() tells how it went.
    void saveTo(const QString &path);

Q_SIGNALS:
    // The view holds the current body (after indexing).
    void shown();
    // About the body as a whole ("not valid JSON, shown raw", an unknown charset); empty: nothing.
    void note(const QString &text);
    // Something to say in the status bar ("Copied the response body.").
    void message(const QString &text);
    // A save ended: error is empty when the file was written.
    void saved(const QString &path, const QString &error);

private:
    void copy();
    struct Indexed
    {
        BodyIndex index;
        QImage image;
        QString imageText; // "PNG, 640 × 480 pixels", or why there is no image
    };
    // owner: what body's bytes belong to, when they are not its own (a body mapped from its file)
    static Indexed indexBody(const QByteArray &body, const std::shared_ptr<const void> &owner,
                             const QByteArray &contentType, const std::atomic_bool *cancel);
    void onIndexed();
    void showHtmlPreview();
    void cancelIndexing();
    // Lets go of the body, its lines and its index (and, after a big one, of the memory they held).
    void release();
    void refresh();
    void updateButtons();

    Mode m_mode = Mode::Pretty;
    QToolButton *m_prettyButton = nullptr;
    QToolButton *m_rawButton = nullptr;
    QToolButton *m_treeButton = nullptr;
    QToolButton *m_previewButton = nullptr;
    QToolButton *m_hexButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    QThreadPool m_savePool; // saves only (destroyed after the watcher it feeds: declared first)
    QFutureWatcher<QString> m_saveWatcher;
    std::shared_ptr<std::atomic_bool> m_cancelSave;
    QTimer *m_copiedTimer = nullptr; // puts "Copy" back on the button
    QToolButton *m_findButton = nullptr;
    QToolButton *m_wrapButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    LineView *m_lines = nullptr;
    JsonTreeView *m_tree = nullptr;
    ImagePreview *m_image = nullptr;
    QPointer<QWidget> m_html; // the current body's HTML preview, once asked for
    QWidget *m_htmlPage = nullptr; // holds it, or why there is none
    HtmlPreviewFactory m_htmlFactory;
    FindBar *m_find = nullptr;
    JsonFilterBar *m_filter = nullptr;

    HttpResponse m_response; // for Save, and the URL and type
    QByteArray m_body;
    QByteArray m_contentType; // the header, parameters included
    BodyIndex m_indexed; // empty until the body has been indexed
    QImage m_decoded; // an image body, decoded
    QString m_imageText;
    std::shared_ptr<const HexLines> m_hex; // made when Hex is first chosen
    QFutureWatcher<Indexed> m_indexWatcher;
    std::shared_ptr<std::atomic_bool> m_cancelIndexing;
    bool m_indexing = false;
    const JsonIndex *m_treeIndex = nullptr; // what the tree was given last
};

} // namespace Postern
