#include "ui/response/timingview.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

enum Column { PhaseColumn, TimeColumn, BarColumn, NoteColumn, ColumnCount };
enum Role { StartRole = Qt::UserRole, LengthRole, TotalRole };

// Where each phase lies within the whole exchange, as a bar (a waterfall, read from top to bottom).
class PhaseBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const double start = index.data(StartRole).toDouble();
        const double length = index.data(LengthRole).toDouble();
        const double total = index.data(TotalRole).toDouble();
        if (!index.data(StartRole).isValid() || total <= 0)
            return;
        const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
        QRectF bar(area.left() + area.width() * start / total, area.top(),
                   qMax(2.0, area.width() * length / total), area.height());
        painter->fillRect(bar.intersected(area), option.palette.color(QPalette::Highlight));
    }
};

const char *const noAnswer = QT_TRANSLATE_NOOP("Postern::TimingView", "No timing: the request was not sent.");

} // namespace

TimingView::TimingView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_connection = new QLabel(tr(noAnswer), this);
    m_connection->setObjectName(u"timingConnection"_s);
    m_connection->setAccessibleName(tr(noAnswer));
    m_connection->setTextFormat(Qt::PlainText);
    m_connection->setWordWrap(true);
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_connection->setFocusPolicy(Qt::TabFocus);
    layout->addWidget(m_connection);

    m_phases = new QTreeWidget(this);
    m_phases->setObjectName(u"timingPhases"_s);
    m_phases->setAccessibleName(tr("Timing of the phases"));
    m_phases->setColumnCount(ColumnCount);
    m_phases->setHeaderLabels({ tr("Phase"), tr("Time"), tr("When"), tr("What it covers") });
    m_phases->setItemDelegateForColumn(BarColumn, new PhaseBarDelegate(m_phases));
    m_phases->setRootIsDecorated(false);
    m_phases->setUniformRowHeights(true);
    m_phases->setSelectionMode(QAbstractItemView::SingleSelection);
    m_phases->header()->setStretchLastSection(true);
    m_phases->header()->setSectionResizeMode(PhaseColumn, QHeaderView::ResizeToContents);
    m_phases->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_phases->header()->resizeSection(BarColumn, 240);
    layout->addWidget(m_phases, 1);
}

void TimingView::clear()
{
    m_phases->clear();
    m_connection->setText(tr(noAnswer));
    m_connection->setAccessibleName(tr(noAnswer));
}

void TimingView::setTimings(const HttpTimings &timings)
{
    m_phases->clear();
    if (!timings.isKnown()) {
        clear();
        return;
    }
    QStringList sentences;
    if (timings.connectionReused()) {
        sentences.append(tr("Connection: reused (kept open from an earlier request)."));
    } else if (timings.connectStarted >= 0) {
        sentences.append(timings.encrypted >= 0 ? tr("Connection: new, TLS.") : tr("Connection: new."));
        sentences.append(
            tr("Qt does not report the DNS lookup or the TCP handshake apart: they are in Connect."));
    } else {
        sentences.append(tr("Connection: not reported."));
    }
    if (timings.redirects > 0)
        sentences.append(timings.redirects == 1 ? tr("1 redirect.")
                                                : tr("%1 redirects.").arg(timings.redirects));
    sentences.append(tr("Times are taken when Qt tells the window, so a busy window makes them longer."));
    const QString connection = sentences.join(u' ');
    m_connection->setText(connection);
    m_connection->setAccessibleName(connection);

    const QLocale locale;
    for (const HttpTimings::Phase &phase : timings.phases()) {
        const QString time = phase.ms >= 0
            ? tr("%1 ms").arg(locale.toString(phase.ms, 'f', phase.ms < 10 ? 2 : 1))
            : u"\u2014"_s;
        auto *item = new QTreeWidgetItem(m_phases, { phase.name, time, QString(), phase.note });
        item->setTextAlignment(TimeColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (phase.ms < 0)
            item->setData(TimeColumn, Qt::AccessibleTextRole, tr("not reported"));
        if (phase.start >= 0 && phase.kind != HttpTimings::Phase::Kind::Total) {
            item->setData(BarColumn, StartRole, phase.start);
            item->setData(BarColumn, LengthRole, phase.ms);
            item->setData(BarColumn, TotalRole, timings.finished);
            item->setData(BarColumn, Qt::AccessibleTextRole,
                          tr("from %1 to %2 ms")
                              .arg(locale.toString(phase.start, 'f', 2),
                                   locale.toString(phase.start + phase.ms, 'f', 2)));
        }
        if (phase.kind == HttpTimings::Phase::Kind::Total) {
            QFont bold = item->font(PhaseColumn);
            bold.setBold(true);
            item->setFont(PhaseColumn, bold);
            item->setFont(TimeColumn, bold);
        }
    }
}

} // namespace Postern
