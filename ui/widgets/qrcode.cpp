#include "ui/widgets/qrcode.h"

#include "ui/widgets/palette.h"

#include <QPainter>
#include <qrencode.h>

#include <memory>

namespace Postern {

QImage qrCodeImage(const QString &text, int moduleSize)
{
    const QByteArray bytes = text.toUtf8();
    if (bytes.isEmpty() || moduleSize < 1)
        return QImage();
    // Version 0: the smallest that holds the text; 8-bit mode: the URL's bytes as they are.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(bytes.size()), reinterpret_cast<const unsigned char *>(bytes.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return QImage();
    constexpr int QuietZone = 4;
    const int modules = code->width;
    const int side = (modules + 2 * QuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Theme::scanLight());
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Theme::scanDark());
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // The lowest bit of each byte says whether the module is dark.
            if (code->data[y * modules + x] & 1)
                painter.drawRect((x + QuietZone) * moduleSize, (y + QuietZone) * moduleSize, moduleSize,
                                 moduleSize);
        }
    }
    return image;
}

} // namespace Postern
