#pragma once

#include <QLineEdit>
#include <QPointer>

class QCheckBox;

namespace Postern {

// A line edit for a secret (a password, a token, a client secret): masked until its reveal toggle is
// checked, masked again when it is unchecked. The toggle is a check box the caller places where its
// layout wants it (beside the field, or on the next form row); it gets the field's parent widget and
// carries its own mnemonic and accessible name, so the field is revealed from the keyboard too.
class SecretLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit SecretLineEdit(QWidget *parent = nullptr);

    // Creates the reveal toggle (once; later calls return the same one). text may carry a mnemonic.
    QCheckBox *createRevealToggle(const QString &text, const QString &accessibleName);
    QCheckBox *revealToggle() const;

    bool isRevealed() const;
    void setRevealed(bool revealed);

private:
    QPointer<QCheckBox> m_toggle;
};

} // namespace Postern
