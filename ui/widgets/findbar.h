#pragma once

#include "bodyview/textfinder.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;
QT_END_NAMESPACE

namespace Postern {

class LineView;

// Find in a LineView: plain text or a regular expression, with or without case, whole words. The search
// runs over every line on a worker thread (a new one cancels the last), so the window stays fluid on a
// body of any size; every match is marked, the count shown ("3 of 120"), Enter/F3 and Shift+Enter/
// Shift+F3 go to the next and previous one, Escape closes the bar.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(LineView *view, QWidget *parent = nullptr);
    ~FindBar() override;

    // Opens the bar with the focus in its field, the text selected.
    void open();
    void close();
    // The view's source changed: search it again.
    void refresh();

    void next();
    void previous();

    QLineEdit *field() const { return m_field; }
    // "3 of 120", "No matches", the regex's error: what the count label shows.
    QString status() const;
    qsizetype total() const { return m_total; }
    bool isSearching() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // A search finished (its matches are on the view).
    void searched();
    void closed();

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    // Stops a search under way and forgets the matches (also on the view).
    void reset();
    void search();
    void onSearched();
    void go(qsizetype index);
    void showStatus(const QString &text, bool error = false);

    LineView *m_view;
    QLineEdit *m_field = nullptr;
    QCheckBox *m_case = nullptr;
    QCheckBox *m_word = nullptr;
    QCheckBox *m_regex = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
    QTimer *m_typing = nullptr; // a search starts when typing pauses
    QFutureWatcher<TextFinder::Result> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<FindMatch> m_matches;
    qsizetype m_total = 0;
    qsizetype m_current = -1;
};

} // namespace Postern
