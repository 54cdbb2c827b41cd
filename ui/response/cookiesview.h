#pragma once

#include "history/cookiestore.h"

#include <QNetworkCookie>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace Postern {

// A table of cookies: name, value, domain, path, expiry, Secure and HttpOnly. Two uses:
//   setCookies()  a fixed list, read-only (the cookies one response set);
//   setStore()    the cookies of a CookieStore (not owned), following its changes, with Delete
//                 (the selected rows, also the Delete key) and Delete All (every row shown, after a
//                 confirmation).
// setDomainFilter() narrows the rows to the domains that contain the text.
class CookiesView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ValueColumn,
        DomainColumn,
        PathColumn,
        ExpiresColumn,
        SecureColumn,
        HttpOnlyColumn,
        ColumnCount
    };

    explicit CookiesView(QWidget *parent = nullptr);

    void setCookies(const QList<QNetworkCookie> &cookies);
    void setStore(CookieStore *store);
    CookieStore *store() const { return m_store; }

    void setDomainFilter(const QString &text);
    QString domainFilter() const { return m_filter; }

    QList<QNetworkCookie> shownCookies() const { return m_shown; }
    QList<QNetworkCookie> selectedCookies() const;
    QTableWidget *table() const { return m_table; }

private:
    void refresh();
    void updateButtons();
    void deleteSelected();
    void confirmDeleteAll();

    QTableWidget *m_table = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_deleteAllButton = nullptr;
    QAction *m_deleteAction = nullptr;
    QPointer<CookieStore> m_store;
    QMetaObject::Connection m_storeConnection;
    QList<QNetworkCookie> m_fixed;
    QList<QNetworkCookie> m_shown;
    QString m_filter;
};

} // namespace Postern
