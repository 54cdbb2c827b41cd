#include "ui/history/historypane.h"

#include "history/historystore.h"
#include "ui/widgets/clearbutton.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString humanSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

HistoryPane::HistoryPane(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"historySearch"_s);
    m_search->setAccessibleName(tr("Search history"));
    m_search->setPlaceholderText(tr("Search method, URL or status"));
    m_search->setClearButtonEnabled(true);
    nameClearButton(m_search, tr("Clear search"));
    m_search->installEventFilter(this);
    layout->addWidget(m_search);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"historyTable"_s);
    m_table->setAccessibleName(tr("Request history"));
    m_table->setHorizontalHeaderLabels(
        { tr("Method"), tr("URL"), tr("Status"), tr("Time"), tr("Size"), tr("When") });
    // The URL takes the room the other columns leave; a long one is cut in the middle, so that its
    // host and the end of its path stay in view, and every cell's tooltip has the whole of it.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(32);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_table, 1);

    m_openAction = new QAction(tr("&Open in New Tab"), m_table);
    m_openAction->setObjectName(u"openInNewTabAction"_s);
    m_table->addAction(m_openAction);
    m_deleteAction = new QAction(tr("&Delete"), m_table);
    m_deleteAction->setObjectName(u"deleteHistoryEntryAction"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_deleteAction);

    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"historySummary"_s);
    m_summary->setAccessibleDescription(tr("History summary"));
    m_clearButton = new QPushButton(tr("C&lear…"), this);
    m_clearButton->setObjectName(u"clearHistoryButton"_s);
    m_clearButton->setAccessibleName(tr("Clear history"));
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_clearButton);
    layout->addLayout(bar);

    // activated covers Enter and, where the platform says so, the double click (or single click).
    connect(m_table, &QTableWidget::activated, this, &HistoryPane::openCurrent);
    connect(m_openAction, &QAction::triggered, this, &HistoryPane::openCurrent);
    connect(m_deleteAction, &QAction::triggered, this, &HistoryPane::deleteCurrent);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &HistoryPane::updateActions);
    connect(m_search, &QLineEdit::textChanged, this, &HistoryPane::refresh);
    connect(m_clearButton, &QPushButton::clicked, this, &HistoryPane::confirmClear);
    refresh();
    fitColumns();
}

void HistoryPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

void HistoryPane::fitColumns()
{
    // In a narrow sidebar only method, URL and status code are columns; time, size and when are in the
    // tooltip, and come back as columns when the pane is wide enough.
    const bool wide = m_table->width() >= wideWidth();
    if (wide == m_wide)
        return;
    m_wide = wide;
    for (const int column : { TimeColumn, SizeColumn, WhenColumn })
        m_table->setColumnHidden(column, !wide);
    refresh(); // the status column says "404 Not Found" when wide, "404" when narrow
}

void HistoryPane::setStore(HistoryStore *store)
{
    if (m_storeConnection)
        disconnect(m_storeConnection);
    m_store = store;
    if (store)
        m_storeConnection = connect(store, &HistoryStore::changed, this, &HistoryPane::refresh);
    refresh();
}

void HistoryPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString HistoryPane::searchText() const
{
    return m_search->text();
}

void HistoryPane::setSearchText(const QString &text)
{
    m_search->setText(text);
}

std::optional<HistoryEntry> HistoryPane::currentEntry() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_shown.size())
        return std::nullopt;
    return m_shown.at(row);
}

void HistoryPane::refresh()
{
    const std::optional<HistoryEntry> current = currentEntry();
    m_shown = m_store ? m_store->search(m_search->text()) : QList<HistoryEntry>();
    const QLocale locale;
    m_table->setRowCount(int(m_shown.size()));
    int currentRow = -1;
    for (int row = 0; row < m_shown.size(); ++row) {
        const HistoryEntry &entry = m_shown.at(row);
        if (current && current->id == entry.id)
            currentRow = row;
        // A request refused before it was sent took no time: no "0 ms".
        const bool sent = entry.statusCode > 0 || entry.elapsedMs > 0;
        const QString cells[ColumnCount] = {
            entry.request.method,
            entry.url,
            m_wide || entry.statusCode <= 0 ? entry.statusText() : QString::number(entry.statusCode),
            sent ? tr("%1 ms").arg(entry.elapsedMs) : QString(),
            entry.statusCode > 0 ? humanSize(entry.sizeBytes) : QString(),
            locale.toString(entry.when.toLocalTime(), QLocale::ShortFormat),
        };
        const QString tip = toolTip(entry, cells[TimeColumn], cells[SizeColumn]);
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(tip);
            m_table->setItem(row, column, item);
        }
    }
    if (currentRow >= 0)
        m_table->setCurrentCell(currentRow,
                                m_table->currentColumn() < 0 ? MethodColumn : m_table->currentColumn());

    const int total = m_store ? m_store->count() : 0;
    if (total == 0)
        m_summary->setText(tr("No requests yet."));
    else if (m_search->text().trimmed().isEmpty())
        m_summary->setText(total == 1 ? tr("1 request") : tr("%1 requests").arg(total));
    else if (m_shown.isEmpty())
        m_summary->setText(tr("No request matches."));
    else
        m_summary->setText(tr("%1 of %2 requests").arg(m_shown.size()).arg(total));
    m_summary->setAccessibleName(m_summary->text()); // read as what it says
    m_clearButton->setEnabled(total > 0);
    updateActions();
}

QString HistoryPane::toolTip(const HistoryEntry &entry, const QString &time, const QString &size)
{
    // Plain text (a URL or a server's message is never markup), one fact a line.
    QStringList lines { entry.request.method + u' ' + entry.url.left(2000) };
    QStringList outcome { entry.statusText() };
    if (!time.isEmpty())
        outcome.append(time);
    if (!size.isEmpty())
        outcome.append(size);
    lines.append(outcome.join(u" \u00b7 "_s));
    if (!entry.errorMessage.isEmpty())
        lines.append(entry.errorMessage.left(500));
    lines.append(tr("Sent %1").arg(QLocale().toString(entry.when.toLocalTime(), QLocale::LongFormat)));
    return lines.join(u'\n');
}

void HistoryPane::updateActions()
{
    const bool hasCurrent = currentEntry().has_value();
    m_openAction->setEnabled(hasCurrent);
    m_deleteAction->setEnabled(hasCurrent);
}

void HistoryPane::openCurrent()
{
    if (const std::optional<HistoryEntry> entry = currentEntry())
        Q_EMIT openRequested(entry->toRequest());
}

void HistoryPane::deleteCurrent()
{
    const std::optional<HistoryEntry> entry = currentEntry();
    if (!entry || !m_store)
        return;
    const int row = m_table->currentRow();
    m_store->remove(entry->id);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(qMin(row, m_table->rowCount() - 1), MethodColumn);
}

void HistoryPane::confirmClear()
{
    if (!m_store || m_store->count() == 0)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Clear History"),
        m_store->count() == 1
            ? tr("Delete the request in history? This cannot be undone.")
            : tr("Delete all %1 requests in history? This cannot be undone.").arg(m_store->count()),
        QMessageBox::NoButton, this);
    box->setObjectName(u"clearHistoryConfirm"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Clear History"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmClearHistoryButton"_s);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        if (box->clickedButton() == confirm && m_store)
            m_store->clear();
    });
    box->open();
}

bool HistoryPane::eventFilter(QObject *watched, QEvent *event)
{
    // From the search field, Down goes to the results and Enter opens the first (or current) one.
    if (watched == m_search && event->type() == QEvent::KeyPress && m_table->rowCount() > 0) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_table->currentRow() < 0)
                m_table->setCurrentCell(0, MethodColumn);
            if (key == Qt::Key_Down)
                m_table->setFocus();
            else
                openCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Postern
