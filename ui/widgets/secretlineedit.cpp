#include "ui/widgets/secretlineedit.h"

#include <QCheckBox>

namespace Postern {

SecretLineEdit::SecretLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
}

QCheckBox *SecretLineEdit::createRevealToggle(const QString &text, const QString &accessibleName)
{
    if (m_toggle)
        return m_toggle;
    m_toggle = new QCheckBox(text, parentWidget());
    m_toggle->setAccessibleName(accessibleName);
    m_toggle->setChecked(isRevealed());
    connect(m_toggle, &QCheckBox::toggled, this, &SecretLineEdit::setRevealed);
    return m_toggle;
}

QCheckBox *SecretLineEdit::revealToggle() const
{
    return m_toggle;
}

bool SecretLineEdit::isRevealed() const
{
    return echoMode() == QLineEdit::Normal;
}

void SecretLineEdit::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_toggle)
        m_toggle->setChecked(revealed);
}

} // namespace Postern
