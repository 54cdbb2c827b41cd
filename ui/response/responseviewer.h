#pragma once

#include "base/jsonformatter.h"
#include "http/httpresponse.h"
#include "scripting/scriptvalues.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
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
class TestResultsView;
class TimingView;
class JsonHighlighter;

// Shows one answer: status, time and size; the body pretty-printed (JSON, keys and numbers exactly
// as sent) or raw; the headers; the cookies it set (its Set-Cookie headers); the timing of its phases;
// what its scripts said (Test Results, Console). A transport failure shows its
// message instead. Pretty-printing runs on a worker thread, so a body of many megabytes never freezes the
// window; highlighting is skipped for bodies above highlightLimit().
class ResponseViewer : public QWidget
{
    Q_OBJECT

public:
    explicit ResponseViewer(QWidget *parent = nullptr);

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

    // Places a widget (a button offering the way out of an error) right under the message; the caller
    // shows and hides it.
    void addUnderMessage(QWidget *widget);

    static constexpr qsizetype highlightLimit() { return 2 * 1024 * 1024; }

Q_SIGNALS:
    // The body view holds the current response's text (emitted after formatting finishes).
    void bodyShown();
    // Something to say in the status bar ("Copied the response body.").
    void message(const QString &text);

private:
    void copyBody();
    void onFormatted();
    void refreshBody();
    void setBodyText(const QString &text);
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
    QPlainTextEdit *m_body = nullptr;
    QTableWidget *m_headers = nullptr;
    CookiesView *m_cookies = nullptr;
    TestResultsView *m_testResults = nullptr;
    ConsoleView *m_console = nullptr;
    JsonHighlighter *m_highlighter = nullptr;

    HttpResponse m_response;
    std::optional<JsonFormatter::Result> m_pretty; // empty until the body has been formatted
    QFutureWatcher<JsonFormatter::Result> m_formatWatcher;
    quint64 m_generation = 0;
    bool m_formatting = false;
};

} // namespace Postern
