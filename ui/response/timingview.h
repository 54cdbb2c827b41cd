#pragma once

#include "http/httptimings.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTreeWidget;
QT_END_NAMESPACE

namespace Postern {

// The phases of one exchange as Qt reported them (HttpTimings): a line on the connection (new or
// reused, redirects) and a list of phases with their time and what each covers. A phase Qt does not
// report apart (DNS, the TLS handshake's start) shows no figure, and its row says where it is counted.
class TimingView : public QWidget
{
    Q_OBJECT

public:
    explicit TimingView(QWidget *parent = nullptr);

    void setTimings(const HttpTimings &timings);
    void clear();

    QTreeWidget *phases() const { return m_phases; }

private:
    QLabel *m_connection = nullptr;
    QTreeWidget *m_phases = nullptr;
};

} // namespace Postern
