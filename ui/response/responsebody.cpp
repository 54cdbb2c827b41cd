#include "ui/response/responsebody.h"

#include "ui/response/jsontreeview.h"
#include "ui/widgets/findbar.h"
#include "ui/widgets/lineview.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
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

const QString copyText = u"&Copy"_s;
const QString copyName = u"Copy body"_s;

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

bool isJsonType(const QByteArray &contentTypeHeader)
{
    const QByteArray type = contentTypeHeader.split(';').constFirst().trimmed().toLower();
    return type == "application/json" || type.endsWith("+json") || type == "text/json";
}

} // namespace

ResponseBody::ResponseBody(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_prettyButton = modeButton(u"prettyButton"_s, u"Pretty"_s, u"Pretty body"_s, this);
    m_prettyButton->setChecked(true);
    m_rawButton = modeButton(u"rawButton"_s, u"Raw"_s, u"Raw body"_s, this);
    m_treeButton = modeButton(u"treeButton"_s, u"Tree"_s, u"Body as a tree"_s, this);
    m_treeButton->setToolTip(u"Keys and values as a tree that opens row by row"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_prettyButton);
    group->addButton(m_rawButton);
    group->addButton(m_treeButton);
    group->setExclusive(true);
    m_wrapButton = new QToolButton(this);
    m_wrapButton->setObjectName(u"wrapButton"_s);
    m_wrapButton->setText(u"Wrap"_s);
    m_wrapButton->setAccessibleName(u"Wrap long lines"_s);
    m_wrapButton->setToolTip(u"Wrap long lines at the width of the view"_s);
    m_wrapButton->setCheckable(true);
    m_wrapButton->setFocusPolicy(Qt::StrongFocus);
    m_findButton = new QToolButton(this);
    m_findButton->setObjectName(u"findButton"_s);
    m_findButton->setText(u"Find"_s);
    m_findButton->setAccessibleName(u"Find in the body"_s);
    m_findButton->setToolTip(u"Find in the body (Ctrl+F); go to a line with Ctrl+G"_s);
    m_findButton->setFocusPolicy(Qt::StrongFocus);
    m_copyButton = new QPushButton(copyText, this);
    m_copyButton->setObjectName(u"copyBodyButton"_s);
    m_copyButton->setAccessibleName(copyName);
    m_copyButton->setToolTip(u"Copy the body, or the selected lines of it, to the clipboard"_s);
    m_copiedTimer = new QTimer(this);
    m_copiedTimer->setSingleShot(true);
    m_copiedTimer->setInterval(2000);
    bar->addWidget(m_prettyButton);
    bar->addWidget(m_rawButton);
    bar->addWidget(m_treeButton);
    bar->addStretch(1);
    bar->addWidget(m_wrapButton);
    bar->addWidget(m_findButton);
    bar->addWidget(m_copyButton);
    layout->addLayout(bar);

    m_lines = new LineView(this);
    m_lines->setObjectName(u"responseBody"_s);
    m_lines->setAccessibleName(u"Response body"_s);
    m_find = new FindBar(m_lines, this);
    m_find->setObjectName(u"findBar"_s);
    m_find->hide();
    m_tree = new JsonTreeView(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_lines);
    m_stack->addWidget(m_tree);
    layout->addWidget(m_find);
    layout->addWidget(m_stack, 1);

    // Ctrl+F and friends work wherever the focus is in the body page.
    const auto shortcut = [this](const QKeySequence &keys) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        return s;
    };
    connect(shortcut(QKeySequence::Find), &QShortcut::activated, this, &ResponseBody::openFind);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_G)), &QShortcut::activated, this,
            &ResponseBody::goToLine);
    connect(shortcut(QKeySequence::FindNext), &QShortcut::activated, m_find, &FindBar::next);
    connect(shortcut(QKeySequence::FindPrevious), &QShortcut::activated, m_find, &FindBar::previous);
    connect(m_findButton, &QToolButton::clicked, this, &ResponseBody::openFind);
    connect(m_lines, &LineView::copied, this, &ResponseBody::message);
    connect(m_tree, &JsonTreeView::message, this, &ResponseBody::message);
    connect(m_prettyButton, &QToolButton::clicked, this, [this] { setMode(Mode::Pretty); });
    connect(m_rawButton, &QToolButton::clicked, this, [this] { setMode(Mode::Raw); });
    connect(m_treeButton, &QToolButton::clicked, this, [this] { setMode(Mode::Tree); });
    connect(m_wrapButton, &QToolButton::toggled, m_lines, &LineView::setWordWrap);
    connect(m_copyButton, &QPushButton::clicked, this, &ResponseBody::copy);
    connect(m_copiedTimer, &QTimer::timeout, this, [this] {
        m_copyButton->setText(copyText);
        m_copyButton->setAccessibleName(copyName);
    });
    connect(&m_indexWatcher, &QFutureWatcher<BodyIndex>::finished, this, &ResponseBody::onIndexed);
    showNothing(QString());
}

ResponseBody::~ResponseBody()
{
    cancelIndexing();
    m_indexWatcher.waitForFinished();
}

void ResponseBody::release()
{
    const bool large = m_body.size() >= 1024 * 1024;
    cancelIndexing();
    m_body.clear();
    m_contentType.clear();
    m_indexed = BodyIndex();
    m_lines->setSource(nullptr);
    m_tree->setIndex(nullptr);
    m_treeShowsIndex = false;
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

void ResponseBody::show(const QByteArray &body, const QByteArray &contentTypeHeader)
{
    release();
    if (body.isEmpty()) {
        showNothing(u"The response has no body."_s);
        Q_EMIT shown();
        return;
    }
    m_body = body;
    m_contentType = contentTypeHeader;
    // Off the GUI thread: the charset, the lines, and for JSON the lines of its pretty form.
    m_indexing = true;
    m_lines->setPlaceholderText(u"Reading the body\u2026"_s);
    updateButtons();
    m_cancelIndexing = std::make_shared<std::atomic_bool>(false);
    const bool json = isJsonType(contentTypeHeader) || JsonIndex::looksLikeJson(body);
    m_indexWatcher.setFuture(QtConcurrent::run([body, contentTypeHeader, json, cancel = m_cancelIndexing] {
        return BodyIndex::build(body, contentTypeHeader, json, cancel.get());
    }));
}

void ResponseBody::showNothing(const QString &placeholder)
{
    release();
    m_lines->setPlaceholderText(placeholder);
    refresh();
}

void ResponseBody::onIndexed()
{
    if (!m_indexing || !m_cancelIndexing || m_cancelIndexing->load()
        || m_indexWatcher.future().resultCount() == 0)
        return; // a newer answer (or none) is shown now, or the empty future set below finished
    m_indexing = false;
    m_cancelIndexing.reset();
    m_indexed = m_indexWatcher.result();
    m_indexWatcher.setFuture(QFuture<BodyIndex>()); // the future would keep the body alive after a clear()
    QStringList notes;
    if (!m_indexed.note.isEmpty())
        notes << m_indexed.note;
    if (m_indexed.pretty && !m_indexed.pretty->ok() && isJsonType(m_contentType)) {
        notes << u"The body is labelled %1 but is not valid JSON (%2). It is shown raw."_s.arg(
            QString::fromLatin1(m_contentType.split(';').constFirst().trimmed()),
            m_indexed.pretty->error().message);
    }
    if (!notes.isEmpty())
        Q_EMIT note(notes.join(u' '));
    refresh();
    Q_EMIT shown();
}

bool ResponseBody::hasJson() const
{
    return m_indexed.pretty && m_indexed.pretty->ok();
}

void ResponseBody::setMode(Mode mode)
{
    m_mode = mode;
    refresh();
}

void ResponseBody::updateButtons()
{
    const bool ready = !m_indexing && m_indexed.raw;
    m_treeButton->setEnabled(ready && hasJson());
    m_prettyButton->setChecked(m_mode == Mode::Pretty);
    m_rawButton->setChecked(m_mode == Mode::Raw);
    m_treeButton->setChecked(m_mode == Mode::Tree);
    m_copyButton->setEnabled(ready && m_lines->lineCount() > 0);
    m_findButton->setEnabled(m_mode != Mode::Tree);
    m_wrapButton->setEnabled(m_mode != Mode::Tree);
}

void ResponseBody::refresh()
{
    if (m_indexing || !m_indexed.raw) {
        m_lines->setSource(nullptr);
        m_stack->setCurrentWidget(m_lines);
        m_find->refresh();
        updateButtons();
        return;
    }
    // A body that is not JSON has no tree: it is shown raw until the next one.
    const bool tree = m_mode == Mode::Tree && hasJson();
    const bool pretty = m_mode != Mode::Raw && hasJson();
    m_lines->setSource(pretty ? std::static_pointer_cast<const LineSource>(m_indexed.pretty)
                              : std::static_pointer_cast<const LineSource>(m_indexed.raw));
    if (tree && !m_treeShowsIndex) {
        m_tree->setIndex(m_indexed.pretty);
        m_treeShowsIndex = true;
    }
    const bool hadFocus = m_stack->currentWidget()->hasFocus();
    m_stack->setCurrentWidget(tree ? static_cast<QWidget *>(m_tree) : m_lines);
    if (hadFocus)
        m_stack->currentWidget()->setFocus(Qt::OtherFocusReason);
    if (tree)
        m_find->hide();
    m_find->refresh();
    updateButtons();
}

void ResponseBody::openFind()
{
    if (m_mode == Mode::Tree)
        setMode(Mode::Pretty); // Find works on the lines
    m_find->open();
}

void ResponseBody::goToLine()
{
    if (m_mode == Mode::Tree)
        setMode(Mode::Pretty);
    const qsizetype count = m_lines->lineCount();
    if (count == 0)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, u"Go to Line"_s, u"&Line (1 to %1):"_s.arg(count),
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
    const bool whole = m_mode == Mode::Tree || !m_lines->hasSelection();
    QApplication::clipboard()->setText(whole ? m_lines->text() : m_lines->selectedText());
    // Said on the button, where the eyes and the focus are, and in the status bar.
    m_copyButton->setText(u"Copied"_s);
    m_copyButton->setAccessibleName(u"Copied"_s);
    m_copiedTimer->start();
    Q_EMIT message(whole ? u"Copied the response body."_s : u"Copied the selected lines."_s);
}

} // namespace Postern
