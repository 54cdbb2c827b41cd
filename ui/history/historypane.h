#pragma once

#include "history/historystore.h"

#include <QPointer>
#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QResizeEvent;
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

// The request history: a search field over method, URL and status, a table of the entries (newest
// first: method, URL, status, and when the pane is wide enough time, size, when; each row's tooltip
// has the whole URL and all of these) and Clear (after a confirmation). Enter, a double
// click or "Open in New Tab" on an entry emits openRequested() with the request to open; the Delete
// key removes the entry. From the search field, Down moves to the results and Enter opens the current
// (or first) one. The store is not owned (setStore(nullptr) detaches; a deleted store is
// noticed); the pane follows its changed() signal.
class HistoryPane : public QWidget
{
    Q_OBJECT

public:
    enum Column { MethodColumn, UrlColumn, StatusColumn, TimeColumn, SizeColumn, WhenColumn, ColumnCount };

    explicit HistoryPane(QWidget *parent = nullptr);

    void setStore(HistoryStore *store);
    HistoryStore *store() const { return m_store; }

    // Puts the keyboard in the search field, its text selected (for a Find shortcut of the owner).
    void focusSearch();
    QString searchText() const;
    void setSearchText(const QString &text);

    // The entry of the current row, if any.
    std::optional<HistoryEntry> currentEntry() const;
    QList<HistoryEntry> shownEntries() const { return m_shown; }

    // The table's width from which the time, size and when columns are shown.
    static constexpr int wideWidth() { return 520; }

Q_SIGNALS:
    void openRequested(const Postern::HttpRequest &request);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    static QString toolTip(const HistoryEntry &entry, const QString &time, const QString &size);
    void fitColumns();
    void refresh();
    void openCurrent();
    void deleteCurrent();
    void confirmClear();
    void updateActions();

    QLineEdit *m_search = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_clearButton = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QPointer<HistoryStore> m_store;
    QMetaObject::Connection m_storeConnection;
    QList<HistoryEntry> m_shown;
    bool m_wide = true; // all columns shown (see fitColumns())
};

} // namespace Postern
