#include "ui/response/responseviewer.h"

#include "history/cookiestore.h"
#include "ui/response/consoleview.h"
#include "ui/response/cookiesview.h"
#include "ui/response/responsebody.h"
#include "ui/response/testresultsview.h"
#include "ui/response/timingview.h"
#include "ui/widgets/deferredpage.h"
#include "ui/widgets/palette.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

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
    label->setAccessibleName(
        value.isEmpty()
            ? caption
            : QCoreApplication::translate("Postern::ResponseViewer", "%1: %2").arg(caption, value));
}

// Whether the request went out at all: a request refused before sending took no time.
bool wasSent(const HttpResponse &response)
{
    return response.error != HttpResponse::Error::InvalidRequest
        && response.error != HttpResponse::Error::Authorization;
}

} // namespace

ResponseViewer::ResponseViewer(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *summary = new QHBoxLayout;
    // The figures end where the body's Copy button does, not against the window's edge.
    summary->setContentsMargins(0, 0, style()->pixelMetric(QStyle::PM_LayoutRightMargin), 0);
    auto *title = new QLabel(tr("<b>Response</b>"), this);
    title->setTextFormat(Qt::RichText);
    m_status = new QLabel(this);
    m_status->setObjectName(u"responseStatus"_s);
    m_status->setAccessibleDescription(tr("Status of the response"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setFocusPolicy(Qt::TabFocus);
    m_time = new QLabel(this);
    m_time->setObjectName(u"responseTime"_s);
    m_time->setAccessibleDescription(tr("Time the response took"));
    m_size = new QLabel(this);
    m_size->setObjectName(u"responseSize"_s);
    m_size->setAccessibleDescription(tr("Size of the response, headers and body"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"responseBusy"_s);
    m_busy->setAccessibleName(tr("Sending request"));
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
    m_message->setAccessibleDescription(tr("Response message"));
    m_message->setTextFormat(Qt::PlainText); // server and error text is never rich text
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setFocusPolicy(Qt::TabFocus);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"responseTabs"_s);
    m_tabs->setAccessibleName(tr("Response"));

    m_body = new ResponseBody(this);
    m_body->setObjectName(u"responseBodyPage"_s);
    connect(m_body, &ResponseBody::message, this, &ResponseViewer::message);
    connect(m_body, &ResponseBody::note, this, [this](const QString &text) { setMessage(text, false); });
    connect(m_body, &ResponseBody::shown, this, &ResponseViewer::bodyShown);
    m_tabs->addTab(m_body, tr("B&ody"));

    m_headersPage = new DeferredPage([this](QWidget *page) { return makeHeadersPage(page); }, this);
    m_tabs->addTab(m_headersPage, tr("Hea&ders"));
    m_cookiesPage = new DeferredPage(
        [this](QWidget *page) {
            m_cookies = new CookiesView(page);
            m_cookies->setObjectName(u"responseCookies"_s);
            m_cookies->table()->setAccessibleName(tr("Cookies the response set"));
            m_cookies->setCookies(m_shownCookies);
            return m_cookies;
        },
        this);
    m_tabs->addTab(m_cookiesPage, tr("Coo&kies"));
    m_timingPage = new DeferredPage(
        [this](QWidget *page) {
            m_timing = new TimingView(page);
            m_timing->setObjectName(u"responseTiming"_s);
            showTimings();
            return m_timing;
        },
        this);
    m_tabs->addTab(m_timingPage, tr("Timing"));
    m_testsPage = new DeferredPage(
        [this](QWidget *page) {
            m_testResults = new TestResultsView(page);
            m_testResults->setResults(m_tests, m_failures);
            return m_testResults;
        },
        this);
    m_tabs->addTab(m_testsPage, TestResultsView::tabTitle({}, {}));
    m_consolePage = new DeferredPage(
        [this](QWidget *page) {
            m_console = new ConsoleView(page);
            m_console->setLines(m_consoleLines);
            return m_console;
        },
        this);
    m_tabs->addTab(m_consolePage, ConsoleView::tabTitle(0));
    layout->addWidget(m_tabs, 1);

    clear();
}

ResponseViewer::~ResponseViewer() = default;

QWidget *ResponseViewer::makeHeadersPage(QWidget *page)
{
    m_headers = new QTableWidget(0, 2, page);
    m_headers->setObjectName(u"responseHeaders"_s);
    m_headers->setAccessibleName(tr("Response headers"));
    m_headers->setHorizontalHeaderLabels({ tr("Name"), tr("Value") });
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 220);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setTabKeyNavigation(false);
    showHeaders();
    return m_headers;
}

void ResponseViewer::showHeaders()
{
    if (!m_headers)
        return;
    const bool answered = m_response.error == HttpResponse::Error::None;
    const QList<RawHeader> &headers = m_response.headers;
    m_headers->setRowCount(answered ? int(headers.size()) : 0);
    for (int row = 0; answered && row < headers.size(); ++row) {
        const RawHeader &header = headers.at(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(header.first)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(header.second)));
    }
}

void ResponseViewer::showTimings()
{
    if (!m_timing)
        return;
    if (m_hasTimings)
        m_timing->setTimings(m_response.timings);
    else
        m_timing->clear();
}

TestResultsView *ResponseViewer::testResults()
{
    m_testsPage->content();
    return m_testResults;
}

ConsoleView *ResponseViewer::console()
{
    m_consolePage->content();
    return m_console;
}

TimingView *ResponseViewer::timing()
{
    m_timingPage->content();
    return m_timing;
}

QString ResponseViewer::testSummary() const
{
    return TestResultsView::summary(m_tests, m_failures);
}

bool ResponseViewer::hasTestFailures() const
{
    return TestResultsView::hasFailures(m_tests, m_failures);
}

void ResponseViewer::releaseBody()
{
    m_response = HttpResponse();
    m_body->showNothing(QString());
}

void ResponseViewer::setHtmlPreviewFactory(
    std::function<QWidget *(const QByteArray &, QWidget *, QString *)> factory)
{
    m_body->setHtmlPreviewFactory(std::move(factory));
}

LineView *ResponseViewer::body() const
{
    return m_body->lines();
}

FindBar *ResponseViewer::findBar()
{
    return m_body->findBar();
}

void ResponseViewer::openFind()
{
    m_tabs->setCurrentWidget(m_body);
    m_body->openFind();
}

void ResponseViewer::goToLine()
{
    m_tabs->setCurrentWidget(m_body);
    m_body->goToLine();
}

QString ResponseViewer::bodyText() const
{
    return m_body->text();
}

void ResponseViewer::clear()
{
    releaseBody();
    showValue(m_status, tr("Status"), QString());
    showValue(m_time, tr("Time"), QString());
    showValue(m_size, tr("Size"), QString());
    m_size->setToolTip(QString());
    setMessage(QString(), false);
    showHeaders();
    showCookies(m_response);
    m_hasTimings = false;
    showTimings();
    m_time->setToolTip(QString());
    clearScriptResults();
    showNoBody(tr("Send a request to see its answer here."));
}

void ResponseViewer::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_busy->setRange(0, 0); // moving until the size of the answer is known
    if (busy) {
        m_sending.start();
        showValue(m_status, tr("Status"), tr("Sending…"));
        m_status->setStyleSheet(QString());
        showValue(m_time, tr("Time"), QString());
        showValue(m_size, tr("Size"), QString());
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
    const QString rate = tr("%1/s").arg(humanSize(qint64(double(received) / seconds)));
    const QString text = total > 0
        ? tr("Receiving %1 of %2, %3").arg(humanSize(received), humanSize(total), rate)
        : tr("Receiving %1, %2").arg(humanSize(received), rate);
    showValue(m_status, tr("Status"), text);
    if (total > 0) {
        // In thousandths: the bar's range is an int, a body may be larger.
        m_busy->setRange(0, 1000);
        m_busy->setValue(int(std::clamp<qint64>(received * 1000 / total, 0, 1000)));
    }
}

void ResponseViewer::showScriptResults(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures,
                                       const QList<ScriptConsoleLine> &console)
{
    m_tests = tests;
    m_failures = failures;
    m_consoleLines = console;
    if (m_testResults)
        m_testResults->setResults(tests, failures);
    if (m_console)
        m_console->setLines(console);
    m_tabs->setTabText(m_tabs->indexOf(m_testsPage), TestResultsView::tabTitle(tests, failures));
    m_tabs->setTabText(m_tabs->indexOf(m_consolePage), ConsoleView::tabTitle(console.size()));
}

void ResponseViewer::clearScriptResults()
{
    showScriptResults({}, {}, {});
}

bool ResponseViewer::isPretty() const
{
    return m_body->mode() == ResponseBody::Mode::Pretty;
}

void ResponseViewer::setPretty(bool pretty)
{
    m_body->setMode(pretty ? ResponseBody::Mode::Pretty : ResponseBody::Mode::Raw);
}

void ResponseViewer::addUnderMessage(QWidget *widget)
{
    auto *box = static_cast<QBoxLayout *>(layout());
    box->insertWidget(box->indexOf(m_message) + 1, widget, 0, Qt::AlignLeft);
}

void ResponseViewer::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setAccessibleName(text.isEmpty() ? tr("Response message") : text);
    m_message->setAccessibleDescription(error ? tr("Error") : tr("Response message"));
    m_message->setStyleSheet(error ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText)
                                   : u"QLabel { color: palette(text); }"_s);
    m_message->setVisible(!text.isEmpty());
}

void ResponseViewer::showResponse(const HttpResponse &response)
{
    setBusy(false);
    releaseBody();
    m_response = response;
    showHeaders();
    showCookies(response);
    m_hasTimings = true;
    showTimings();
    m_time->setToolTip(response.timings.summary());

    if (response.error != HttpResponse::Error::None) {
        showValue(m_status, tr("Status"),
                  response.error == HttpResponse::Error::Canceled ? tr("Canceled") : tr("Error"));
        m_status->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText, true));
        showValue(m_time, tr("Time"), wasSent(response) ? tr("%1 ms").arg(response.elapsedMs) : QString());
        showValue(m_size, tr("Size"), QString());
        m_size->setToolTip(QString());
        setMessage(response.errorMessage, true);
        showNoBody(tr("No answer."));
        Q_EMIT bodyShown();
        return;
    }

    const QString reason = response.reasonPhrase.isEmpty() ? QString() : u" "_s + response.reasonPhrase;
    showValue(m_status, tr("Status"), QString::number(response.statusCode) + reason);
    m_status->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, statusColor(response.statusCode), true));
    showValue(m_time, tr("Time"), tr("%1 ms").arg(response.elapsedMs));
    showValue(m_size, tr("Size"), humanSize(response.bodySize() + response.headersSize()));
    m_size->setToolTip(
        tr("Body %1, headers %2").arg(humanSize(response.bodySize()), humanSize(response.headersSize())));
    setMessage(QString(), false);

    m_body->show(response);
}

void ResponseViewer::showCookies(const HttpResponse &response)
{
    m_shownCookies = CookieStore::cookiesSetBy(response);
    if (m_cookies)
        m_cookies->setCookies(m_shownCookies);
    m_tabs->setTabText(m_tabs->indexOf(m_cookiesPage),
                       m_shownCookies.isEmpty() ? tr("Coo&kies")
                                                : tr("Coo&kies (%1)").arg(m_shownCookies.size()));
}

void ResponseViewer::showNoBody(const QString &placeholder)
{
    m_body->showNothing(placeholder);
}

} // namespace Postern
