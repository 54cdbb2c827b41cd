#pragma once

#include "bodyview/jsonindex.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QTimer;
QT_END_NAMESPACE

namespace Postern {

// Filters a JSON body with a JSONPath (RFC 9535): $.result[*].number. The matches, an array of the
// values as the server sent them, replace the body in Pretty and Tree until the filter is cleared
// (Escape, or an empty field). Evaluated on a worker thread a moment after typing stops, or at once
// with Enter; a new filter cancels the last. How many matched, or why the expression is not valid, is
// said next to the field and read with it.
class JsonFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit JsonFilterBar(QWidget *parent = nullptr);
    ~JsonFilterBar() override;

    // The body to filter (null: none); a filter typed stays and is applied to the next body.
    void setIndex(std::shared_ptr<const JsonIndex> index);
    // The matches as JSON, or null when no filter applies.
    std::shared_ptr<const JsonIndex> result() const { return m_result; }
    QLineEdit *field() const { return m_field; }
    // "12 matches", "Invalid: …", empty.
    QString status() const;
    // Evaluates the field now.
    void apply();

Q_SIGNALS:
    // result() changed (also to null).
    void filtered();

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    struct Outcome
    {
        std::shared_ptr<const JsonIndex> result;
        qsizetype matches = 0;
        bool tooLarge = false;
    };
    void setStatus(const QString &text, bool error);
    void cancel();
    void onEvaluated();

    QLineEdit *m_field = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_typing = nullptr;
    std::shared_ptr<const JsonIndex> m_index;
    std::shared_ptr<const JsonIndex> m_result;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace Postern
