#include "ui/response/cookiesview.h"

#include "history/cookiestore.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

CookiesView::CookiesView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"cookiesTable"_s);
    m_table->setAccessibleName(tr("Cookies"));
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Value"), tr("Domain"), tr("Path"), tr("Expires"), tr("Secure"), tr("HttpOnly") });
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->resizeSection(NameColumn, 160);
    m_table->horizontalHeader()->resizeSection(DomainColumn, 180);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    m_deleteAction = new QAction(tr("De&lete"), m_table);
    m_deleteAction->setObjectName(u"deleteCookieAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_deleteAction);

    auto *buttons = new QHBoxLayout;
    m_deleteButton = new QPushButton(tr("De&lete"), this);
    m_deleteButton->setObjectName(u"deleteCookieButton"_s);
    m_deleteButton->setAccessibleName(tr("Delete selected cookies"));
    m_deleteAllButton = new QPushButton(tr("Delete &All…"), this);
    m_deleteAllButton->setObjectName(u"deleteAllCookiesButton"_s);
    m_deleteAllButton->setAccessibleName(tr("Delete all cookies shown"));
    buttons->addStretch(1);
    buttons->addWidget(m_deleteButton);
    buttons->addWidget(m_deleteAllButton);
    layout->addLayout(buttons);

    connect(m_deleteAction, &QAction::triggered, this, &CookiesView::deleteSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &CookiesView::deleteSelected);
    connect(m_deleteAllButton, &QPushButton::clicked, this, &CookiesView::confirmDeleteAll);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CookiesView::updateButtons);
    refresh();
}

void CookiesView::setCookies(const QList<QNetworkCookie> &cookies)
{
    setStore(nullptr);
    m_fixed = cookies;
    refresh();
}

void CookiesView::setStore(CookieStore *store)
{
    if (m_storeConnection)
        disconnect(m_storeConnection);
    m_store = store;
    m_fixed.clear();
    if (store)
        m_storeConnection = connect(store, &CookieStore::changed, this, &CookiesView::refresh);
    refresh();
}

void CookiesView::setDomainFilter(const QString &text)
{
    m_filter = text.trimmed();
    refresh();
}

QList<QNetworkCookie> CookiesView::selectedCookies() const
{
    QList<QNetworkCookie> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.row() < m_shown.size())
            selected.append(m_shown.at(index.row()));
    }
    return selected;
}

void CookiesView::refresh()
{
    const QList<QNetworkCookie> all = m_store ? m_store->cookies() : m_fixed;
    m_shown.clear();
    for (const QNetworkCookie &cookie : all) {
        if (m_filter.isEmpty() || cookie.domain().contains(m_filter, Qt::CaseInsensitive))
            m_shown.append(cookie);
    }

    const QLocale locale;
    auto yesNo = [](bool on) {
        return on ? tr("Yes") : tr("No");
    };
    m_table->setRowCount(int(m_shown.size()));
    for (int row = 0; row < m_shown.size(); ++row) {
        const QNetworkCookie &cookie = m_shown.at(row);
        const QString expires = cookie.isSessionCookie()
            ? tr("Session")
            : locale.toString(cookie.expirationDate().toLocalTime(), QLocale::ShortFormat);
        const QString cells[ColumnCount] = { QString::fromUtf8(cookie.name()),
                                             QString::fromUtf8(cookie.value()),
                                             cookie.domain(),
                                             cookie.path(),
                                             expires,
                                             yesNo(cookie.isSecure()),
                                             yesNo(cookie.isHttpOnly()) };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == ValueColumn || column == ExpiresColumn)
                item->setToolTip(column == ExpiresColumn && !cookie.isSessionCookie()
                                     ? cookie.expirationDate().toUTC().toString(Qt::ISODate)
                                     : cells[column].left(1000));
            m_table->setItem(row, column, item);
        }
    }
    const bool editable = !m_store.isNull();
    m_deleteButton->setVisible(editable);
    m_deleteAllButton->setVisible(editable);
    m_deleteAction->setEnabled(editable);
    updateButtons();
}

void CookiesView::updateButtons()
{
    m_deleteButton->setEnabled(m_store && m_table->selectionModel()->hasSelection());
    m_deleteAllButton->setEnabled(m_store && !m_shown.isEmpty());
}

void CookiesView::deleteSelected()
{
    if (!m_store)
        return;
    const QList<QNetworkCookie> selected = selectedCookies();
    const int row = m_table->currentRow();
    m_store->deleteCookies(selected);
    if (m_table->rowCount() > 0) {
        m_table->setCurrentCell(qMin(row, m_table->rowCount() - 1), NameColumn);
        m_table->setFocus();
    }
}

void CookiesView::confirmDeleteAll()
{
    if (!m_store || m_shown.isEmpty())
        return;
    const QString text = m_filter.isEmpty() ? tr("Delete all %1 cookies?").arg(m_shown.size())
                                            : tr("Delete the %1 cookies whose domain contains “%2”?")
                                                  .arg(QString::number(m_shown.size()), m_filter);
    auto *box
        = new QMessageBox(QMessageBox::Warning, tr("Delete Cookies"), text, QMessageBox::NoButton, this);
    box->setObjectName(u"deleteAllCookiesConfirm"_s);
    box->setTextFormat(Qt::PlainText); // the filter is the user's text, never markup
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmDeleteCookiesButton"_s);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    const QList<QNetworkCookie> doomed = m_shown;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, doomed] {
        if (box->clickedButton() == confirm && m_store)
            m_store->deleteCookies(doomed);
    });
    box->open();
}

} // namespace Postern
