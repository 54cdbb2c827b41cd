#include "ui/widgets/findbar.h"

#include "ui/widgets/clearbutton.h"
#include "ui/widgets/lineview.h"
#include "ui/widgets/palette.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, QStyle::StandardPixmap icon,
                        const QString &text, const QString &name)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setText(text);
    button->setToolTip(name);
    button->setAccessibleName(name);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

FindBar::FindBar(LineView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"findField"_s);
    m_field->setAccessibleName(tr("Find in the body"));
    m_field->setPlaceholderText(tr("Find"));
    m_field->setClearButtonEnabled(true);
    nameClearButton(m_field, tr("Clear the search"));
    m_field->installEventFilter(this);
    m_case = new QCheckBox(tr("Ca&se"), this);
    m_case->setObjectName(u"findCase"_s);
    m_case->setToolTip(tr("Match upper and lower case exactly"));
    m_word = new QCheckBox(tr("&Words"), this);
    m_word->setObjectName(u"findWords"_s);
    m_word->setToolTip(tr("Whole words only"));
    m_regex = new QCheckBox(tr("Rege&x"), this);
    m_regex->setObjectName(u"findRegex"_s);
    m_regex->setToolTip(tr("A regular expression (Perl syntax)"));
    m_count = new QLabel(this);
    m_count->setObjectName(u"findCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setMinimumWidth(
        fontMetrics().horizontalAdvance(tr("%1 of %2").arg(u"9,999,999"_s, u"9,999,999"_s)));
    m_previous = toolButton(this, u"findPrevious"_s, QStyle::SP_ArrowUp, tr("Previous"),
                            tr("Previous match (Shift+F3)"));
    m_next = toolButton(this, u"findNext"_s, QStyle::SP_ArrowDown, tr("Next"), tr("Next match (F3)"));
    m_close
        = toolButton(this, u"findClose"_s, QStyle::SP_DialogCloseButton, tr("Close"), tr("Close find (Esc)"));
    layout->addWidget(m_field, 1);
    layout->addWidget(m_case);
    layout->addWidget(m_word);
    layout->addWidget(m_regex);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_close);
    showStatus(QString());

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(150);
    connect(m_typing, &QTimer::timeout, this, &FindBar::search);
    connect(m_field, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    for (QCheckBox *option : { m_case, m_word, m_regex })
        connect(option, &QCheckBox::toggled, this, &FindBar::search);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::previous);
    connect(m_next, &QToolButton::clicked, this, &FindBar::next);
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    connect(&m_watcher, &QFutureWatcher<TextFinder::Result>::finished, this, &FindBar::onSearched);
}

FindBar::~FindBar()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void FindBar::open()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (!m_field->text().isEmpty() && m_matches.isEmpty())
        search();
}

void FindBar::reset()
{
    m_typing->stop();
    if (m_cancel)
        m_cancel->store(true);
    m_matches.clear();
    m_total = 0;
    m_current = -1;
    m_view->setMatches({});
}

void FindBar::close()
{
    reset();
    hide();
    m_view->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

void FindBar::refresh()
{
    reset(); // a search still running is for the lines that went
    if (isVisible() && !m_field->text().isEmpty())
        search();
    else
        showStatus(QString());
}

void FindBar::search()
{
    reset();
    const FindOptions options { m_field->text(), m_case->isChecked(), m_word->isChecked(),
                                m_regex->isChecked() };
    auto finder = std::make_shared<const TextFinder>(options);
    if (finder->isEmpty() || !m_view->source()) {
        showStatus(QString());
        return;
    }
    if (!finder->isValid()) {
        showStatus(tr("Invalid: %1").arg(finder->errorString()), true);
        return;
    }
    showStatus(tr("Searching…"));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    // The view keeps its source alive while shown; the worker holds its own reference too.
    std::shared_ptr<const LineSource> source = m_view->sharedSource();
    m_watcher.setFuture(QtConcurrent::run(
        [finder, source, cancel = m_cancel] { return finder->findAll(*source, cancel.get()); }));
}

void FindBar::onSearched()
{
    if (m_watcher.future().resultCount() == 0)
        return; // the empty future set below, finishing at once
    const TextFinder::Result result = m_watcher.result();
    m_watcher.setFuture(QFuture<TextFinder::Result>()); // the matches live here now, not in the future
    if (result.canceled)
        return; // a newer search is on its way, or the bar closed
    m_matches = result.matches;
    m_total = result.total;
    m_current = -1;
    if (m_matches.isEmpty()) {
        m_view->setMatches({});
        showStatus(tr("No matches"));
    } else {
        // The first match at or after the line the user is on.
        const qsizetype from = qMax<qsizetype>(0, m_view->currentLine());
        const auto at = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                         [](const FindMatch &m, qsizetype line) { return m.line < line; });
        go(at == m_matches.cend() ? 0 : at - m_matches.cbegin());
    }
    Q_EMIT searched();
}

void FindBar::go(qsizetype index)
{
    if (m_matches.isEmpty())
        return;
    m_current = (index % m_matches.size() + m_matches.size()) % m_matches.size();
    m_view->setMatches(m_matches, m_current);
    const QString current = QLocale().toString(m_current + 1);
    const QString total = QLocale().toString(m_total);
    showStatus(
        m_total > m_matches.size()
            ? tr("%1 of %2 (the first %3 marked)").arg(current, total, QLocale().toString(m_matches.size()))
            : tr("%1 of %2").arg(current, total));
}

void FindBar::next()
{
    if (m_typing->isActive() || (m_matches.isEmpty() && !m_field->text().isEmpty() && !isSearching()))
        return search();
    go(m_current + 1);
}

void FindBar::previous()
{
    if (m_typing->isActive())
        return search();
    go(m_current - 1);
}

QString FindBar::status() const
{
    return m_count->text();
}

void FindBar::showStatus(const QString &text, bool error)
{
    m_count->setText(text);
    m_count->setAccessibleName(text.isEmpty() ? tr("Matches") : tr("Matches: %1").arg(text));
    m_count->setStyleSheet(error ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText) : QString());
    m_previous->setEnabled(m_matches.size() > 1);
    m_next->setEnabled(m_matches.size() > 1);
}

bool FindBar::eventFilter(QObject *object, QEvent *event)
{
    if (object == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool shift = key->modifiers() & Qt::ShiftModifier;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_F3) {
            shift ? previous() : next();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(object, event);
}

} // namespace Postern
