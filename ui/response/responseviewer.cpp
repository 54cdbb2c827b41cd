#include "ui/response/responseviewer.h"

#include "history/cookiestore.h"
#include "ui/response/consoleview.h"
#include "ui/response/cookiesview.h"
#include "ui/response/testresultsview.h"
#include "ui/response/timingview.h"
#include "ui/widgets/findbar.h"
#include "ui/widgets/lineview.h"
#include "ui/widgets/palette.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

ColorRole statusColor(int status)
{
    if (status >= 500)
        return ColorRole::ErrorText;
    if (status >= 400)
        return ColorRole::WarningText;
    if (status >= 300)
        return ColorRole::InfoText;
    return ColorRole::SuccessText;
}

QString humanSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// A value on screen is read with what it is: "Status: 200 OK", the caption alone while empty.
void showValue(QLabel *label, const QString &caption, const QString &value)
{
    label->setText(value);
    label->setAccessibleName(value.isEmpty() ? caption : caption + u": "_s + value);
}

// Whether the request went out at all: a request refused before sending took no time.
bool wasSent(const HttpResponse &response)
{
    return response.error != HttpResponse::Error::InvalidRequest
        && response.error != HttpResponse::Error::Authorization;
}

const QString copyText = u"&Copy"_s;
const QString copyName = u"Copy body"_s;

} // namespace

ResponseViewer::ResponseViewer(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *summary = new QHBoxLayout;
    // The figures end where the body's Copy button does, not against the window's edge.
    summary->setContentsMargins(0, 0, style()->pixelMetric(QStyle::PM_LayoutRightMargin), 0);
    auto *title = new QLabel(u"<b>Response</b>"_s, this);
    title->setTextFormat(Qt::RichText);
    m_status = new QLabel(this);
    m_status->setObjectName(u"responseStatus"_s);
    m_status->setAccessibleDescription(u"Status of the response"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setFocusPolicy(Qt::TabFocus);
    m_time = new QLabel(this);
    m_time->setObjectName(u"responseTime"_s);
    m_time->setAccessibleDescription(u"Time the response took"_s);
    m_size = new QLabel(this);
    m_size->setObjectName(u"responseSize"_s);
    m_size->setAccessibleDescription(u"Size of the response, headers and body"_s);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"responseBusy"_s);
    m_busy->setAccessibleName(u"Sending request"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    summary->addWidget(title);
    summary->addStretch(1);
    summary->addWidget(m_busy);
    summary->addWidget(m_status);
    summary->addSpacing(12);
    summary->addWidget(m_time);
    summary->addSpacing(12);
    summary->addWidget(m_size);
    layout->addLayout(summary);

    m_message = new QLabel(this);
    m_message->setObjectName(u"responseMessage"_s);
    m_message->setAccessibleDescription(u"Response message"_s);
    m_message->setTextFormat(Qt::PlainText); // server and error text is never rich text
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setFocusPolicy(Qt::TabFocus);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"responseTabs"_s);
    m_tabs->setAccessibleName(u"Response"_s);

    auto *bodyPage = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    auto *bodyBar = new QHBoxLayout;
    m_prettyButton = new QToolButton(bodyPage);
    m_prettyButton->setObjectName(u"prettyButton"_s);
    m_prettyButton->setText(u"Pretty"_s);
    m_prettyButton->setAccessibleName(u"Pretty body"_s);
    m_prettyButton->setCheckable(true);
    m_prettyButton->setChecked(true);
    m_prettyButton->setFocusPolicy(Qt::StrongFocus);
    m_rawButton = new QToolButton(bodyPage);
    m_rawButton->setObjectName(u"rawButton"_s);
    m_rawButton->setText(u"Raw"_s);
    m_rawButton->setAccessibleName(u"Raw body"_s);
    m_rawButton->setCheckable(true);
    m_rawButton->setFocusPolicy(Qt::StrongFocus);
    auto *group = new QButtonGroup(this);
    group->addButton(m_prettyButton);
    group->addButton(m_rawButton);
    group->setExclusive(true);
    m_findButton = new QToolButton(bodyPage);
    m_findButton->setObjectName(u"findButton"_s);
    m_findButton->setText(u"Find"_s);
    m_findButton->setAccessibleName(u"Find in the body"_s);
    m_findButton->setToolTip(u"Find in the body (Ctrl+F); go to a line with Ctrl+G"_s);
    m_findButton->setFocusPolicy(Qt::StrongFocus);
    m_copyButton = new QPushButton(copyText, bodyPage);
    m_copyButton->setObjectName(u"copyBodyButton"_s);
    m_copyButton->setAccessibleName(copyName);
    m_copyButton->setToolTip(u"Copy the body, or the selected lines of it, to the clipboard"_s);
    m_copiedTimer = new QTimer(this);
    m_copiedTimer->setSingleShot(true);
    m_copiedTimer->setInterval(2000);
    bodyBar->addWidget(m_prettyButton);
    bodyBar->addWidget(m_rawButton);
    bodyBar->addStretch(1);
    bodyBar->addWidget(m_findButton);
    bodyBar->addWidget(m_copyButton);
    bodyLayout->addLayout(bodyBar);
    m_body = new LineView(bodyPage);
    m_body->setObjectName(u"responseBody"_s);
    m_body->setAccessibleName(u"Response body"_s);
    m_find = new FindBar(m_body, bodyPage);
    m_find->setObjectName(u"findBar"_s);
    m_find->hide();
    bodyLayout->addWidget(m_find);
    bodyLayout->addWidget(m_body, 1);
    // Ctrl+F and friends work wherever the focus is in the body page.
    const auto shortcut = [bodyPage](const QKeySequence &keys) {
        auto *s = new QShortcut(keys, bodyPage);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        return s;
    };
    connect(shortcut(QKeySequence::Find), &QShortcut::activated, this, &ResponseViewer::openFind);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_G)), &QShortcut::activated, this,
            &ResponseViewer::goToLine);
    connect(shortcut(QKeySequence::FindNext), &QShortcut::activated, m_find, &FindBar::next);
    connect(shortcut(QKeySequence::FindPrevious), &QShortcut::activated, m_find, &FindBar::previous);
    connect(m_findButton, &QToolButton::clicked, this, &ResponseViewer::openFind);
    connect(m_body, &LineView::copied, this, &ResponseViewer::message);
    m_tabs->addTab(bodyPage, u"B&ody"_s);

    m_headers = new QTableWidget(0, 2, this);
    m_headers->setObjectName(u"responseHeaders"_s);
    m_headers->setAccessibleName(u"Response headers"_s);
    m_headers->setHorizontalHeaderLabels({ u"Name"_s, u"Value"_s });
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 220);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setTabKeyNavigation(false);
    m_tabs->addTab(m_headers, u"Hea&ders"_s);

    m_cookies = new CookiesView(this);
    m_cookies->setObjectName(u"responseCookies"_s);
    m_cookies->table()->setAccessibleName(u"Cookies the response set"_s);
    m_tabs->addTab(m_cookies, u"Coo&kies"_s);
    m_timing = new TimingView(this);
    m_timing->setObjectName(u"responseTiming"_s);
    m_tabs->addTab(m_timing, u"Timing"_s);
    m_testResults = new TestResultsView(this);
    m_tabs->addTab(m_testResults, m_testResults->tabTitle());
    m_console = new ConsoleView(this);
    m_tabs->addTab(m_console, m_console->tabTitle());
    connect(m_testResults, &TestResultsView::changed, this,
            [this] { m_tabs->setTabText(m_tabs->indexOf(m_testResults), m_testResults->tabTitle()); });
    layout->addWidget(m_tabs, 1);

    connect(m_prettyButton, &QToolButton::toggled, this, &ResponseViewer::refreshBody);
    connect(m_copyButton, &QPushButton::clicked, this, &ResponseViewer::copyBody);
    connect(m_copiedTimer, &QTimer::timeout, this, [this] {
        m_copyButton->setText(copyText);
        m_copyButton->setAccessibleName(copyName);
    });
    connect(&m_indexWatcher, &QFutureWatcher<BodyIndex>::finished, this, &ResponseViewer::onIndexed);
    clear();
}

ResponseViewer::~ResponseViewer()
{
    cancelIndexing();
    m_indexWatcher.waitForFinished();
}

void ResponseViewer::releaseBody()
{
    const bool large = m_response.body.size() >= 1024 * 1024;
    cancelIndexing();
    m_response = HttpResponse();
    m_indexed = BodyIndex();
    m_body->setSource(nullptr);
#ifdef __GLIBC__
    // Hand the freed pages back to the system now rather than keep them for the next answer: after a
    // big body the window should shrink again.
    if (large)
        QTimer::singleShot(0, this, [] { malloc_trim(0); });
#else
    Q_UNUSED(large);
#endif
}

void ResponseViewer::cancelIndexing()
{
    if (m_cancelIndexing)
        m_cancelIndexing->store(true);
    m_cancelIndexing.reset();
    m_indexing = false;
}

void ResponseViewer::openFind()
{
    m_tabs->setCurrentIndex(0);
    m_find->open();
}

void ResponseViewer::goToLine()
{
    const qsizetype count = m_body->lineCount();
    if (count == 0)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, u"Go to Line"_s, u"&Line (1 to %1):"_s.arg(count),
                                          int(m_body->currentLine() + 1), 1,
                                          int(qMin<qsizetype>(count, INT_MAX)), 1, &ok);
    if (!ok)
        return;
    m_tabs->setCurrentIndex(0);
    m_body->setCurrentLine(line - 1);
    m_body->setFocus(Qt::ShortcutFocusReason);
}

QString ResponseViewer::bodyText() const
{
    return m_body->text();
}

void ResponseViewer::copyBody()
{
    const bool whole = !m_body->hasSelection();
    QApplication::clipboard()->setText(whole ? m_body->text() : m_body->selectedText());
    // Said on the button, where the eyes and the focus are, and in the status bar.
    m_copyButton->setText(u"Copied"_s);
    m_copyButton->setAccessibleName(u"Copied"_s);
    m_copiedTimer->start();
    Q_EMIT message(whole ? u"Copied the response body."_s : u"Copied the selected lines."_s);
}

void ResponseViewer::clear()
{
    releaseBody();
    showValue(m_status, u"Status"_s, QString());
    showValue(m_time, u"Time"_s, QString());
    showValue(m_size, u"Size"_s, QString());
    m_size->setToolTip(QString());
    setMessage(QString(), false);
    m_headers->setRowCount(0);
    showCookies(m_response);
    m_timing->clear();
    m_time->setToolTip(QString());
    clearScriptResults();
    showNoBody(u"Send a request to see its answer here."_s);
}

void ResponseViewer::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_busy->setRange(0, 0); // moving until the size of the answer is known
    if (busy) {
        m_sending.start();
        showValue(m_status, u"Status"_s, u"Sending\u2026"_s);
        m_status->setStyleSheet(QString());
        showValue(m_time, u"Time"_s, QString());
        showValue(m_size, u"Size"_s, QString());
        setMessage(QString(), false);
    }
}

void ResponseViewer::setProgress(qint64 received, qint64 total)
{
    if (!m_busy->isVisible() || received <= 0)
        return;
    if (received > total) // a compressed answer: Content-Length counts the bytes before they were unpacked
        total = -1;
    const double seconds = qMax<qint64>(1, m_sending.elapsed()) / 1000.0;
    const QString rate = humanSize(qint64(double(received) / seconds)) + u"/s"_s;
    const QString text = total > 0
        ? u"Receiving %1 of %2, %3"_s.arg(humanSize(received), humanSize(total), rate)
        : u"Receiving %1, %2"_s.arg(humanSize(received), rate);
    showValue(m_status, u"Status"_s, text);
    if (total > 0) {
        // In thousandths: the bar's range is an int, a body may be larger.
        m_busy->setRange(0, 1000);
        m_busy->setValue(int(std::clamp<qint64>(received * 1000 / total, 0, 1000)));
    }
}

void ResponseViewer::showScriptResults(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures,
                                       const QList<ScriptConsoleLine> &console)
{
    m_testResults->setResults(tests, failures);
    m_console->setLines(console);
    m_tabs->setTabText(m_tabs->indexOf(m_console), m_console->tabTitle());
}

void ResponseViewer::clearScriptResults()
{
    showScriptResults({}, {}, {});
}

bool ResponseViewer::isPretty() const
{
    return m_prettyButton->isChecked();
}

void ResponseViewer::setPretty(bool pretty)
{
    (pretty ? m_prettyButton : m_rawButton)->setChecked(true);
}

void ResponseViewer::addUnderMessage(QWidget *widget)
{
    auto *box = static_cast<QBoxLayout *>(layout());
    box->insertWidget(box->indexOf(m_message) + 1, widget, 0, Qt::AlignLeft);
}

void ResponseViewer::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setAccessibleName(text.isEmpty() ? u"Response message"_s : text);
    m_message->setAccessibleDescription(error ? u"Error"_s : u"Response message"_s);
    m_message->setStyleSheet(error ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText)
                                   : u"QLabel { color: palette(text); }"_s);
    m_message->setVisible(!text.isEmpty());
}

void ResponseViewer::showResponse(const HttpResponse &response)
{
    setBusy(false);
    releaseBody();
    m_response = response;
    m_headers->setRowCount(0);
    showCookies(response);
    m_timing->setTimings(response.timings);
    m_time->setToolTip(response.timings.summary());

    if (response.error != HttpResponse::Error::None) {
        showValue(m_status, u"Status"_s,
                  response.error == HttpResponse::Error::Canceled ? u"Canceled"_s : u"Error"_s);
        m_status->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText, true));
        showValue(m_time, u"Time"_s, wasSent(response) ? u"%1 ms"_s.arg(response.elapsedMs) : QString());
        showValue(m_size, u"Size"_s, QString());
        m_size->setToolTip(QString());
        setMessage(response.errorMessage, true);
        showNoBody(u"No answer."_s);
        Q_EMIT bodyShown();
        return;
    }

    const QString reason = response.reasonPhrase.isEmpty() ? QString() : u" "_s + response.reasonPhrase;
    showValue(m_status, u"Status"_s, QString::number(response.statusCode) + reason);
    m_status->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, statusColor(response.statusCode), true));
    showValue(m_time, u"Time"_s, u"%1 ms"_s.arg(response.elapsedMs));
    showValue(m_size, u"Size"_s, humanSize(response.body.size() + response.headersSize()));
    m_size->setToolTip(
        u"Body %1, headers %2"_s.arg(humanSize(response.body.size()), humanSize(response.headersSize())));
    setMessage(QString(), false);

    m_headers->setRowCount(int(response.headers.size()));
    for (int row = 0; row < response.headers.size(); ++row) {
        const RawHeader &header = response.headers.at(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(header.first)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(header.second)));
    }

    if (response.body.isEmpty()) {
        showNoBody(u"The response has no body."_s);
        Q_EMIT bodyShown();
        return;
    }
    // Off the GUI thread: the charset, the lines, and for JSON the lines of its pretty form.
    m_indexing = true;
    showNoBody(u"Reading the body\u2026"_s);
    m_cancelIndexing = std::make_shared<std::atomic_bool>(false);
    const bool json = response.looksLikeJson() || JsonIndex::looksLikeJson(response.body);
    m_indexWatcher.setFuture(QtConcurrent::run(
        [body = response.body, contentType = response.header("content-type"), json,
         cancel = m_cancelIndexing] { return BodyIndex::build(body, contentType, json, cancel.get()); }));
}

void ResponseViewer::showCookies(const HttpResponse &response)
{
    const QList<QNetworkCookie> cookies = CookieStore::cookiesSetBy(response);
    m_cookies->setCookies(cookies);
    m_tabs->setTabText(m_tabs->indexOf(m_cookies),
                       cookies.isEmpty() ? u"Coo&kies"_s : u"Coo&kies (%1)"_s.arg(cookies.size()));
}

void ResponseViewer::onIndexed()
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
    if (m_indexed.pretty && !m_indexed.pretty->ok() && m_response.looksLikeJson()) {
        notes << u"The body is labelled %1 but is not valid JSON (%2). It is shown raw."_s.arg(
            QString::fromLatin1(m_response.contentType()), m_indexed.pretty->error().message);
    }
    if (!notes.isEmpty())
        setMessage(notes.join(u' '), false);
    refreshBody();
    Q_EMIT bodyShown();
}

void ResponseViewer::refreshBody()
{
    if (m_indexing || !m_indexed.raw)
        return;
    const bool pretty = isPretty() && m_indexed.pretty && m_indexed.pretty->ok();
    m_body->setSource(pretty ? std::static_pointer_cast<const LineSource>(m_indexed.pretty)
                             : std::static_pointer_cast<const LineSource>(m_indexed.raw));
    m_find->refresh();
    m_copyButton->setEnabled(m_body->lineCount() > 0);
}

void ResponseViewer::showNoBody(const QString &placeholder)
{
    m_body->setSource(nullptr);
    m_body->setPlaceholderText(placeholder);
    m_find->refresh();
    m_copyButton->setEnabled(false);
}

} // namespace Postern
