#pragma once

#include <QImage>
#include <QScrollArea>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Postern {

// An image answer as a picture: at its own size, or made smaller to fit the view; what it is ("PNG,
// 640 × 480 pixels") said above it and to screen readers.
class ImagePreview : public QWidget
{
    Q_OBJECT

public:
    explicit ImagePreview(QWidget *parent = nullptr);

    // image null: problem says why there is nothing to show.
    void setImage(const QImage &image, const QString &description, const QString &problem = QString());
    QString description() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fit();

    QImage m_image;
    QLabel *m_caption = nullptr;
    QLabel *m_picture = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace Postern
