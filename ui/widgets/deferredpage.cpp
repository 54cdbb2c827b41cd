#include "ui/widgets/deferredpage.h"

#include <QVBoxLayout>

#include <utility>

namespace Postern {

DeferredPage::DeferredPage(Factory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget *DeferredPage::content()
{
    if (m_content)
        return m_content;
    const Factory factory = std::exchange(m_factory, Factory());
    m_content = factory(this);
    layout()->addWidget(m_content);
    // Shown now rather than on the next turn of the event loop, so that the first paint has it.
    if (isVisible())
        m_content->show();
    Q_EMIT made(m_content);
    return m_content;
}

void DeferredPage::showEvent(QShowEvent *event)
{
    content();
    QWidget::showEvent(event);
}

} // namespace Postern
