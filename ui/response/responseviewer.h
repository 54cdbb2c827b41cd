#pragma once

#include "http/httpresponse.h"
#include "scripting/scriptvalues.h"

#include <QElapsedTimer>
#include <QNetworkCookie>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QTabWidget;
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

class ConsoleView;
class CookiesView;
class DeferredPage;
class FindBar;
class LineView;
class ResponseBody;
class TestResultsView;
class TimingView;

// Shows one answer: status, time and size; the body (ResponseBody: pretty, raw or as a tree, with Find
// and Go to Line); the headers; the cookies it set (its Set-Cookie headers); the timing of its phases;
// what its scripts said (Test Results, Console). A transport failure shows its message instead.
class ResponseViewer : public QWidget
{
    Q_OBJECT

public:
    explicit ResponseViewer(QWidget *parent = nullptr);
    ~ResponseViewer() override;

    void setBusy(bool busy);
    // While busy: how much of the answer has come (total -1 when the server did not say), shown in the
    // status with the rate, and in the bar.
    void setProgress(qint64 received, qint64 total);
    void showResponse(const HttpResponse &response);
    void clear();
    // What the request's scripts said: the Test Results and Console tabs (their titles count).
    void showScriptResults(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures,
                           const QList<ScriptConsoleLine> &console);
    void clearScriptResults();
    // The pages other than Body are made when first shown; asking for one makes it.
    TestResultsView *testResults();
    ConsoleView *console();
    TimingView *timing();
    // What the Test Results tab says of the last results, without making it.
    QString testSummary() const;
    bool hasTestFailures() const;

    bool isPretty() const;
    void setPretty(bool pretty);
    // The body as shown (pretty or raw), for the clipboard and tests.
    QString bodyText() const;
    LineView *body() const;
    FindBar *findBar(); // made when first asked for
    ResponseBody *bodyPage() const { return m_body; }
    // See ResponseBody::setHtmlPreviewFactory.
    void setHtmlPreviewFactory(std::function<QWidget *(const QByteArray &, QWidget *, QString *)> factory);
    void openFind();
    void goToLine();

    // Places a widget (a button offering the way out of an error) right under the message; the caller
    // shows and hides it.
    void addUnderMessage(QWidget *widget);

Q_SIGNALS:
    // The body view holds the current response's text (emitted after formatting finishes).
    void bodyShown();
    // Something to say in the status bar ("Copied the response body.").
    void message(const QString &text);

private:
    // Lets go of the answer (and its body, see ResponseBody).
    void releaseBody();
    void showNoBody(const QString &placeholder);
    void setMessage(const QString &text, bool error);
    void showCookies(const HttpResponse &response);
    void showHeaders();
    void showTimings();
    QWidget *makeHeadersPage(QWidget *page);

    QLabel *m_status = nullptr;
    QElapsedTimer m_sending; // since setBusy(true), for the rate
    DeferredPage *m_timingPage = nullptr;
    TimingView *m_timing = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_size = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    ResponseBody *m_body = nullptr;
    // Until its page is first shown, what a page would show is kept here: the answer (headers,
    // cookies, timings) and the scripts' results.
    DeferredPage *m_headersPage = nullptr;
    DeferredPage *m_cookiesPage = nullptr;
    DeferredPage *m_testsPage = nullptr;
    DeferredPage *m_consolePage = nullptr;
    QTableWidget *m_headers = nullptr;
    CookiesView *m_cookies = nullptr;
    TestResultsView *m_testResults = nullptr;
    ConsoleView *m_console = nullptr;

    HttpResponse m_response;
    bool m_hasTimings = false; // of a request that was sent
    QList<QNetworkCookie> m_shownCookies;
    QList<ScriptTest> m_tests;
    QList<ScriptFailure> m_failures;
    QList<ScriptConsoleLine> m_consoleLines;
};

} // namespace Postern
