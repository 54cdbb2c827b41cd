#include "ui/response/jsonfilterbar.h"

#include "bodyview/jsonpath.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/palette.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Postern {

JsonFilterBar::JsonFilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"jsonFilter"_s);
    m_field->setAccessibleName(tr("Filter with JSONPath"));
    m_field->setPlaceholderText(tr("Filter with JSONPath: $.result[*].number"));
    m_field->setToolTip(tr("A JSONPath (RFC 9535) picks the parts of the body to show; Escape shows it all"));
    addClearButtonAfterFirstFrame(m_field, tr("Clear the filter"));
    m_field->installEventFilter(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"jsonFilterStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_status);
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &JsonFilterBar::apply);
    connect(m_field, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, &JsonFilterBar::apply);
    // The clear button empties the field without an edit.
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            apply();
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &JsonFilterBar::onEvaluated);
    setStatus(QString(), false);
}

JsonFilterBar::~JsonFilterBar()
{
    cancel();
    m_watcher.waitForFinished();
}

QString JsonFilterBar::status() const
{
    return m_status->text();
}

void JsonFilterBar::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText) : QString());
    // Read with the field: a screen reader hears the count or the error where the focus is.
    m_field->setAccessibleDescription(text.isEmpty() ? tr("Shows only the parts of the body a JSONPath picks")
                                                     : text);
    m_status->setAccessibleName(text.isEmpty() ? tr("Filter") : text);
}

void JsonFilterBar::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
}

void JsonFilterBar::setIndex(std::shared_ptr<const JsonIndex> index)
{
    m_index = std::move(index);
    apply();
}

void JsonFilterBar::apply()
{
    m_typing->stop();
    cancel();
    const QString expression = m_field->text().trimmed();
    const bool had = bool(m_result);
    m_result.reset();
    if (expression.isEmpty() || !m_index) {
        setStatus(QString(), false);
        if (had)
            Q_EMIT filtered();
        return;
    }
    JsonPath::Error error;
    const JsonPath path = JsonPath::parse(expression, &error);
    if (!path.isValid()) {
        setStatus(tr("Invalid: %1").arg(error.message), true);
        if (had)
            Q_EMIT filtered();
        return;
    }
    setStatus(tr("Filtering…"), false);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_watcher.setFuture(QtConcurrent::run([path, index = m_index, cancel = m_cancel] {
        Outcome outcome;
        const JsonNodes nodes(index);
        const std::vector<qsizetype> matches = path.select(nodes, cancel.get());
        if (cancel->load())
            return outcome;
        outcome.matches = qsizetype(matches.size());
        // The matches may repeat one another (`$..*`): up to four times the body, and 256 MB more.
        const qsizetype limit = 4 * index->data().size() + (qsizetype(256) << 20);
        bool tooLarge = false;
        const QByteArray json = JsonPath::matchesAsJson(nodes, matches, limit, cancel.get(), &tooLarge);
        outcome.tooLarge = tooLarge;
        if (!tooLarge && !cancel->load())
            outcome.result = std::make_shared<const JsonIndex>(json, 2, cancel.get());
        return outcome;
    }));
    if (had)
        Q_EMIT filtered();
}

void JsonFilterBar::onEvaluated()
{
    if (!m_cancel || m_cancel->load() || m_watcher.future().resultCount() == 0)
        return; // a newer filter (or none) is on
    const Outcome outcome = m_watcher.result();
    m_watcher.setFuture(QFuture<Outcome>()); // the future would keep the matches alive
    m_cancel.reset();
    m_result = outcome.result;
    if (outcome.tooLarge)
        setStatus(tr("%1 matches, more text than four times the body: not shown. Narrow the filter.")
                      .arg(QLocale().toString(outcome.matches)),
                  true);
    else
        setStatus(outcome.matches == 1 ? tr("1 match")
                                       : tr("%1 matches").arg(QLocale().toString(outcome.matches)),
                  false);
    Q_EMIT filtered();
}

bool JsonFilterBar::eventFilter(QObject *object, QEvent *event)
{
    if (object == m_field && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_field->text().isEmpty()) {
        m_field->clear();
        return true;
    }
    return QWidget::eventFilter(object, event);
}

} // namespace Postern
