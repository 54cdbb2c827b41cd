#pragma once

#include "bodyview/bodyindex.h"
#include "http/httpresponse.h"
#include "scripting/scriptvalues.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;
class QToolButton;
QT_END_NAMESPACE

namespace Postern {

class ConsoleView;
class CookiesView;
class FindBar;
class LineView;
class TestResultsView;
class TimingView;

// Shows one answer: status, time and size; the body pretty-printed (JSON, keys and numbers exactly
// as sent) or raw, with Find (Ctrl+F) and Go to Line (Ctrl+G); the headers; the cookies it set (its
// Set-Cookie headers); the timing of its phases; what its scripts said (Test Results, Console). A
// transport failure shows its message instead. The body is indexed on a worker thread (its lines, and
// for JSON the lines of its pretty form) and drawn a screen at a time, so a body of a hundred
// megabytes never freezes the window.
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
    TestResultsView *testResults() const { return m_testResults; }
    ConsoleView *console() const { return m_console; }
    TimingView *timing() const { return m_timing; }

    bool isPretty() const;
    void setPretty(bool pretty);
    // The body as shown (pretty or raw), for the clipboard and tests.
    QString bodyText() const;
    LineView *body() const { return m_body; }
    FindBar *findBar() const { return m_find; }
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
    void copyBody();
    void onIndexed();
    void cancelIndexing();
    // Lets go of the body, its lines and its index (and, after a big one, of the memory they held).
    void releaseBody();
    void refreshBody();
    void showNoBody(const QString &placeholder);
    void setMessage(const QString &text, bool error);
    void showCookies(const HttpResponse &response);

    QLabel *m_status = nullptr;
    QElapsedTimer m_sending; // since setBusy(true), for the rate
    TimingView *m_timing = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_size = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    QToolButton *m_prettyButton = nullptr;
    QToolButton *m_rawButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTimer *m_copiedTimer = nullptr; // puts "Copy" back on the button
    QToolButton *m_findButton = nullptr;
    LineView *m_body = nullptr;
    FindBar *m_find = nullptr;
    QTableWidget *m_headers = nullptr;
    CookiesView *m_cookies = nullptr;
    TestResultsView *m_testResults = nullptr;
    ConsoleView *m_console = nullptr;

    HttpResponse m_response;
    BodyIndex m_indexed; // empty until the body has been indexed
    QFutureWatcher<BodyIndex> m_indexWatcher;
    std::shared_ptr<std::atomic_bool> m_cancelIndexing;
    bool m_indexing = false;
};

} // namespace Postern
