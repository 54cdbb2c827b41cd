#pragma once

#include <QWidget>

#include <functional>

namespace Postern {

// A tab's page whose content is made the first time the page is shown or its content is asked for:
// of a window's many tabs one is seen at start, and the others cost nothing until they are opened.
// The factory is called once, with the page as the parent; made() follows, so that the owner can load
// the content with what it kept for it meanwhile and connect to it.
class DeferredPage : public QWidget
{
    Q_OBJECT

public:
    using Factory = std::function<QWidget *(QWidget *page)>;
    explicit DeferredPage(Factory factory, QWidget *parent = nullptr);

    QWidget *content(); // made on the first call
    bool isMade() const { return m_content != nullptr; }

Q_SIGNALS:
    void made(QWidget *content);

protected:
    void showEvent(QShowEvent *event) override;

private:
    Factory m_factory;
    QWidget *m_content = nullptr;
};

} // namespace Postern
