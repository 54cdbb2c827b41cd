#include "ui/response/responsebody.h"

#include "http/responsefile.h"
#include "ui/response/imagepreview.h"
#include "ui/response/jsonfilterbar.h"
#include "ui/response/jsontreeview.h"
#include "ui/widgets/findbar.h"
#include "ui/widgets/lineview.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Translated where shown (ResponseBody's context): the button says "Copied" for a moment, then this again.
const char *const copyText = QT_TRANSLATE_NOOP("Postern::ResponseBody", "&Copy");
const char *const copyName = QT_TRANSLATE_NOOP("Postern::ResponseBody", "Copy body");

QToolButton *modeButton(const QString &objectName, const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setAccessibleName(name);
    button->setCheckable(true);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

ResponseBody::ResponseBody(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_prettyButton = modeButton(u"prettyButton"_s, tr("Pretty"), tr("Pretty body"), this);
    m_prettyButton->setChecked(true);
    m_rawButton = modeButton(u"rawButton"_s, tr("Raw"), tr("Raw body"), this);
    m_treeButton = modeButton(u"treeButton"_s, tr("Tree"), tr("Body as a tree"), this);
    m_treeButton->setToolTip(tr("Keys and values as a tree that opens row by row"));
    m_previewButton = modeButton(u"previewButton"_s, tr("Preview"), tr("Preview the body"), this);
    m_previewButton->setToolTip(
        tr("An image as a picture; HTML as a page, without its scripts or anything it would fetch"));
    m_hexButton = modeButton(u"hexButton"_s, tr("Hex"), tr("Body in hex"), this);
    m_hexButton->setToolTip(tr("The bytes as hexdump -C shows them"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : { m_prettyButton, m_rawButton, m_treeButton, m_previewButton, m_hexButton })
        group->addButton(button);
    group->setExclusive(true);
    m_wrapButton = new QToolButton(this);
    m_wrapButton->setObjectName(u"wrapButton"_s);
    m_wrapButton->setText(tr("Wrap"));
    m_wrapButton->setAccessibleName(tr("Wrap long lines"));
    m_wrapButton->setToolTip(tr("Wrap long lines at the width of the view"));
    m_wrapButton->setCheckable(true);
    m_wrapButton->setFocusPolicy(Qt::StrongFocus);
    m_findButton = new QToolButton(this);
    m_findButton->setObjectName(u"findButton"_s);
    m_findButton->setText(tr("Find"));
    m_findButton->setAccessibleName(tr("Find in the body"));
    m_findButton->setToolTip(tr("Find in the body (Ctrl+F); go to a line with Ctrl+G"));
    m_findButton->setFocusPolicy(Qt::StrongFocus);
    m_copyButton = new QPushButton(tr(copyText), this);
    m_copyButton->setObjectName(u"copyBodyButton"_s);
    m_copyButton->setAccessibleName(tr(copyName));
    m_copyButton->setToolTip(tr("Copy the body, or the selected lines of it, to the clipboard"));
    m_saveButton = new QToolButton(this);
    m_saveButton->setObjectName(u"saveBodyButton"_s);
    m_saveButton->setText(tr("Save…"));
    m_saveButton->setAccessibleName(tr("Save response to file"));
    m_saveButton->setToolTip(tr("Save the body to a file, byte for byte, however large"));
    m_saveButton->setFocusPolicy(Qt::StrongFocus);
    m_copiedTimer = new QTimer(this);
    m_copiedTimer->setSingleShot(true);
    m_copiedTimer->setInterval(2000);
    bar->addWidget(m_prettyButton);
    bar->addWidget(m_rawButton);
    bar->addWidget(m_treeButton);
    bar->addWidget(m_previewButton);
    bar->addWidget(m_hexButton);
    bar->addStretch(1);
    bar->addWidget(m_wrapButton);
    bar->addWidget(m_findButton);
    bar->addWidget(m_saveButton);
    bar->addWidget(m_copyButton);
    layout->addLayout(bar);

    m_lines = new LineView(this);
    m_lines->setObjectName(u"responseBody"_s);
    m_lines->setAccessibleName(tr("Response body"));
    m_filter = new JsonFilterBar(this);
    m_filter->setObjectName(u"jsonFilterBar"_s);
    m_filter->hide();
    // The tree and the image preview are made when first shown: most answers never need them.
    m_htmlPage = new QWidget(this);
    m_htmlPage->setObjectName(u"htmlPreviewPage"_s);
    auto *htmlLayout = new QVBoxLayout(m_htmlPage);
    htmlLayout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_lines);
    m_stack->addWidget(m_htmlPage);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack, 1); // the find bar goes above, when first opened

    // Ctrl+F and friends work wherever the focus is in the body page.
    const auto shortcut = [this](const QKeySequence &keys) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        return s;
    };
    connect(shortcut(QKeySequence::Find), &QShortcut::activated, this, &ResponseBody::openFind);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_G)), &QShortcut::activated, this,
            &ResponseBody::goToLine);
    connect(shortcut(QKeySequence::FindNext), &QShortcut::activated, this, [this] {
        if (m_find)
            m_find->next();
    });
    connect(shortcut(QKeySequence::FindPrevious), &QShortcut::activated, this, [this] {
        if (m_find)
            m_find->previous();
    });
    connect(m_findButton, &QToolButton::clicked, this, &ResponseBody::openFind);
    connect(m_lines, &LineView::copied, this, &ResponseBody::message);
    connect(m_filter, &JsonFilterBar::filtered, this, &ResponseBody::refresh);
    connect(m_prettyButton, &QToolButton::clicked, this, [this] { setMode(Mode::Pretty); });
    connect(m_rawButton, &QToolButton::clicked, this, [this] { setMode(Mode::Raw); });
    connect(m_treeButton, &QToolButton::clicked, this, [this] { setMode(Mode::Tree); });
    connect(m_previewButton, &QToolButton::clicked, this, [this] { setMode(Mode::Preview); });
    connect(m_hexButton, &QToolButton::clicked, this, [this] { setMode(Mode::Hex); });
    connect(m_wrapButton, &QToolButton::toggled, m_lines, &LineView::setWordWrap);
    connect(m_copyButton, &QPushButton::clicked, this, &ResponseBody::copy);
    connect(m_saveButton, &QToolButton::clicked, this, &ResponseBody::save);
    m_savePool.setMaxThreadCount(1);
    connect(&m_saveWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        if (m_saveWatcher.future().resultCount() == 0)
            return;
        const QString error = m_saveWatcher.result();
        const QString path = m_saveWatcher.property("path").toString();
        m_saveWatcher.setFuture(QFuture<QString>());
        m_saveButton->setEnabled(m_response.bodySize() > 0);
        Q_EMIT message(error.isEmpty() ? tr("Saved the response to %1.").arg(QDir::toNativeSeparators(path))
                                       : error);
        Q_EMIT saved(path, error);
    });
    connect(m_copiedTimer, &QTimer::timeout, this, [this] {
        m_copyButton->setText(tr(copyText));
        m_copyButton->setAccessibleName(tr(copyName));
    });
    connect(&m_indexWatcher, &QFutureWatcher<Indexed>::finished, this, &ResponseBody::onIndexed);
    showNothing(QString());
}

ResponseBody::~ResponseBody()
{
    cancelIndexing();
    m_indexWatcher.waitForFinished();
    // A save under way stops (the file is left as it was) rather than hold up the window's closing for
    // long: the pool waits for its thread only as long as that takes.
    if (m_cancelSave)
        m_cancelSave->store(true);
}

void ResponseBody::release()
{
    const bool large = m_body.size() >= 1024 * 1024;
    cancelIndexing();
    m_body.clear();
    m_contentType.clear();
    m_indexed = BodyIndex();
    m_decoded = QImage();
    m_imageText.clear();
    m_hex.reset();
    m_lines->setSource(nullptr);
    if (m_tree)
        m_tree->setIndex(nullptr);
    m_treeIndex = nullptr;
    if (m_image)
        m_image->setImage(QImage(), QString());
    m_filter->setIndex(nullptr); // what is typed stays, for the next body
    delete m_html; // with it, its page and profile
    m_response = HttpResponse(); // last: a body mapped from its file is read until here
#ifdef __GLIBC__
    // Hand the freed pages back to the system now rather than keep them for the next answer: after a
    // big body the window should shrink again.
    if (large)
        QTimer::singleShot(0, this, [] { malloc_trim(0); });
#else
    Q_UNUSED(large);
#endif
}

void ResponseBody::cancelIndexing()
{
    if (m_cancelIndexing)
        m_cancelIndexing->store(true);
    m_cancelIndexing.reset();
    m_indexing = false;
}

void ResponseBody::show(const HttpResponse &response)
{
    release();
    if (response.bodyFile && response.body.isEmpty()) {
        // Over the memory limit (or not readable back): kept in a temporary file, to be saved, not shown.
        const QString size
            = QLocale().formattedDataSize(response.bodySize(), 1, QLocale::DataSizeTraditionalFormat);
        const QString &problem = response.bodyFile->mapError();
        const QString text = problem.isEmpty()
            ? tr("The body is %1, more than Postern shows (Settings ▸ Response Body Limit), so it "
                 "is not shown. Save… writes all of it to a file.")
                  .arg(size)
            : tr("The body (%1) was kept in a file that could not be read back (%2), so it is not shown. "
                 "Save… writes all of it to a file.")
                  .arg(size, problem);
        showNothing(text);
        m_response = response; // showNothing() let go of it
        m_saveButton->setEnabled(true);
        Q_EMIT note(text);
        Q_EMIT shown();
        return;
    }
    if (response.body.isEmpty()) {
        showNothing(tr("The response has no body."));
        Q_EMIT shown();
        return;
    }
    m_response = response;
    m_body = response.body;
    m_contentType = response.header("content-type");
    // Off the GUI thread: the kind, the charset, the lines, the pretty form's lines, an image.
    m_indexing = true;
    m_lines->setPlaceholderText(tr("Reading the body…"));
    updateButtons();
    m_cancelIndexing = std::make_shared<std::atomic_bool>(false);
    m_indexWatcher.setFuture(QtConcurrent::run(
        [body = m_body, owner = std::shared_ptr<const void>(response.bodyFile), contentType = m_contentType,
         cancel = m_cancelIndexing] { return indexBody(body, owner, contentType, cancel.get()); }));
}

void ResponseBody::save()
{
    if (m_response.bodySize() == 0)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Response"), QDir::home().filePath(ResponseFile::suggestedName(m_response)));
    if (!path.isEmpty())
        saveTo(path);
}

void ResponseBody::saveTo(const QString &path)
{
    if (m_saveWatcher.isRunning())
        return;
    m_saveButton->setEnabled(false);
    m_saveWatcher.setProperty("path", path);
    Q_EMIT message(tr("Saving the response to %1…").arg(QDir::toNativeSeparators(path)));
    m_cancelSave = std::make_shared<std::atomic_bool>(false);
    // A pool of its own: a long copy must not keep the next body from being indexed.
    m_saveWatcher.setFuture(
        QtConcurrent::run(&m_savePool, [response = m_response, path, cancel = m_cancelSave] {
            return ResponseFile::save(response, path, cancel.get());
        }));
}

void ResponseBody::showNothing(const QString &placeholder)
{
    release();
    m_lines->setPlaceholderText(placeholder);
    refresh();
}

ResponseBody::Indexed ResponseBody::indexBody(const QByteArray &body,
                                              const std::shared_ptr<const void> &owner,
                                              const QByteArray &contentType, const std::atomic_bool *cancel)
{
    Indexed indexed;
    indexed.index = BodyIndex::build(body, contentType, cancel, owner);
    if (indexed.index.kind == BodyKind::Image && !(cancel && cancel->load())) {
        const ImagePreview::Decoded decoded = ImagePreview::decode(body, contentType);
        indexed.image = decoded.image;
        indexed.imageText = decoded.text;
    }
    return indexed;
}

void ResponseBody::onIndexed()
{
    if (!m_indexing || !m_cancelIndexing || m_cancelIndexing->load()
        || m_indexWatcher.future().resultCount() == 0)
        return; // a newer answer (or none) is shown now, or the empty future set below finished
    m_indexing = false;
    m_cancelIndexing.reset();
    Indexed indexed = m_indexWatcher.result();
    m_indexWatcher.setFuture(QFuture<Indexed>()); // the future would keep the body alive after a clear()
    m_indexed = std::move(indexed.index);
    m_decoded = std::move(indexed.image);
    m_imageText = std::move(indexed.imageText);
    if (m_image)
        m_image->setImage(m_decoded, m_imageText, m_imageText);
    m_filter->setIndex(m_indexed.json && m_indexed.json->ok() ? m_indexed.json : nullptr);
    if (!m_indexed.note.isEmpty())
        Q_EMIT note(m_indexed.note);
    refresh();
    Q_EMIT shown();
}

bool ResponseBody::isAvailable(Mode mode) const
{
    if (m_indexing || !m_indexed.raw)
        return false;
    switch (mode) {
    case Mode::Pretty:
        return bool(m_indexed.pretty);
    case Mode::Raw:
        return true;
    case Mode::Tree:
        return m_indexed.json && m_indexed.json->ok();
    case Mode::Preview:
        return m_indexed.kind == BodyKind::Image || (m_indexed.kind == BodyKind::Html && m_htmlFactory);
    case Mode::Hex:
        return !m_body.isEmpty();
    }
    return false;
}

ResponseBody::Mode ResponseBody::shownMode() const
{
    if (isAvailable(m_mode))
        return m_mode;
    if (m_indexed.kind == BodyKind::Image)
        return Mode::Preview;
    if (m_indexed.kind == BodyKind::Binary && isAvailable(Mode::Hex))
        return Mode::Hex;
    return isAvailable(Mode::Pretty) ? Mode::Pretty : Mode::Raw;
}

void ResponseBody::setMode(Mode mode)
{
    m_mode = mode;
    refresh();
}

void ResponseBody::updateButtons()
{
    const Mode shown = shownMode();
    const bool ready = !m_indexing && m_indexed.raw;
    const std::pair<QToolButton *, Mode> buttons[] = { { m_prettyButton, Mode::Pretty },
                                                       { m_rawButton, Mode::Raw },
                                                       { m_treeButton, Mode::Tree },
                                                       { m_previewButton, Mode::Preview },
                                                       { m_hexButton, Mode::Hex } };
    for (const auto &[button, mode] : buttons) {
        // Pretty and Raw stay usable while there is no body: they are the choice for the next one.
        button->setEnabled(!ready ? (mode == Mode::Pretty || mode == Mode::Raw) : isAvailable(mode));
        button->setChecked(ready ? mode == shown : mode == m_mode);
    }
    const bool lines = shown != Mode::Tree && shown != Mode::Preview;
    m_copyButton->setEnabled(ready && m_lines->lineCount() > 0);
    m_saveButton->setEnabled(m_response.bodySize() > 0 && !m_saveWatcher.isRunning());
    m_findButton->setEnabled(lines);
    m_wrapButton->setEnabled(lines);
}

void ResponseBody::refresh()
{
    if (m_indexing || !m_indexed.raw) {
        m_lines->setSource(nullptr);
        m_stack->setCurrentWidget(m_lines);
        if (m_find)
            m_find->refresh();
        updateButtons();
        return;
    }
    const Mode shown = shownMode();
    const bool json = m_indexed.json && m_indexed.json->ok();
    const bool filterable = json && (shown == Mode::Pretty || shown == Mode::Tree);
    m_filter->setVisible(filterable);
    // A filter's matches stand for the body in Pretty and Tree.
    const std::shared_ptr<const JsonIndex> filtered = filterable ? m_filter->result() : nullptr;
    std::shared_ptr<const LineSource> source = m_indexed.raw;
    if (shown == Mode::Pretty || shown == Mode::Tree)
        source = filtered ? filtered : m_indexed.pretty ? m_indexed.pretty : source;
    if (shown == Mode::Hex) {
        if (!m_hex)
            m_hex = keepingAlive(std::make_shared<const HexLines>(m_body),
                                 std::shared_ptr<const void>(m_response.bodyFile));
        source = m_hex;
    }
    // The lines stay behind the tree and the preview too: Copy and Find work on them.
    if (m_lines->sharedSource() != source)
        m_lines->setSource(source);
    QWidget *page = m_lines;
    if (shown == Mode::Tree) {
        const std::shared_ptr<const JsonIndex> &tree = filtered ? filtered : m_indexed.json;
        if (m_treeIndex != tree.get()) {
            this->tree()->setIndex(tree, bool(filtered));
            m_treeIndex = tree.get();
        }
        page = this->tree();
    } else if (shown == Mode::Preview) {
        if (m_indexed.kind == BodyKind::Html)
            showHtmlPreview();
        page = m_indexed.kind == BodyKind::Html ? m_htmlPage : static_cast<QWidget *>(imagePreview());
    }
    const bool hadFocus = m_stack->currentWidget()->hasFocus();
    m_stack->setCurrentWidget(page);
    if (hadFocus)
        page->setFocus(Qt::OtherFocusReason);
    if (m_find) {
        if (page != m_lines)
            m_find->hide();
        m_find->refresh();
    }
    updateButtons();
}

void ResponseBody::showHtmlPreview()
{
    if (m_html)
        return;
    QString error;
    // The text in UTF-8, read in the charset the answer named.
    const QByteArray html = m_indexed.raw ? m_indexed.raw->data() : m_body;
    QWidget *preview = m_htmlFactory ? m_htmlFactory(html, m_htmlPage, &error) : nullptr;
    if (!preview) {
        auto *label = new QLabel(error, m_htmlPage);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        preview = label;
    }
    preview->setObjectName(u"htmlPreview"_s);
    m_htmlPage->layout()->addWidget(preview);
    m_html = preview;
}

void ResponseBody::openFind()
{
    const Mode shown = shownMode();
    if (shown == Mode::Tree || shown == Mode::Preview)
        setMode(isAvailable(Mode::Pretty) ? Mode::Pretty : Mode::Raw); // Find works on the lines
    findBar()->open();
}

JsonTreeView *ResponseBody::tree()
{
    if (!m_tree) {
        m_tree = new JsonTreeView(this);
        m_stack->addWidget(m_tree);
        connect(m_tree, &JsonTreeView::message, this, &ResponseBody::message);
    }
    return m_tree;
}

ImagePreview *ResponseBody::imagePreview()
{
    if (!m_image) {
        m_image = new ImagePreview(this);
        m_image->setObjectName(u"imagePreview"_s);
        m_image->setImage(m_decoded, m_imageText, m_imageText);
        m_stack->addWidget(m_image);
    }
    return m_image;
}

FindBar *ResponseBody::findBar()
{
    // Made the first time it is wanted: most answers are never searched, and a window starts sooner.
    if (!m_find) {
        m_find = new FindBar(m_lines, this);
        m_find->setObjectName(u"findBar"_s);
        m_find->hide();
        static_cast<QBoxLayout *>(layout())->insertWidget(layout()->indexOf(m_stack), m_find);
    }
    return m_find;
}

void ResponseBody::goToLine()
{
    const Mode shown = shownMode();
    if (shown == Mode::Tree || shown == Mode::Preview)
        setMode(isAvailable(Mode::Pretty) ? Mode::Pretty : Mode::Raw);
    const qsizetype count = m_lines->lineCount();
    if (count == 0)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("&Line (1 to %1):").arg(count),
                                          int(m_lines->currentLine() + 1), 1,
                                          int(qMin<qsizetype>(count, INT_MAX)), 1, &ok);
    if (!ok)
        return;
    m_lines->setCurrentLine(line - 1);
    m_lines->setFocus(Qt::ShortcutFocusReason);
}

QString ResponseBody::text() const
{
    return m_lines->text();
}

void ResponseBody::copy()
{
    const bool whole = m_stack->currentWidget() != m_lines || !m_lines->hasSelection();
    QApplication::clipboard()->setText(whole ? m_lines->text() : m_lines->selectedText());
    // Said on the button, where the eyes and the focus are, and in the status bar.
    m_copyButton->setText(tr("Copied"));
    m_copyButton->setAccessibleName(tr("Copied"));
    m_copiedTimer->start();
    Q_EMIT message(whole ? tr("Copied the response body.") : tr("Copied the selected lines."));
}

} // namespace Postern
