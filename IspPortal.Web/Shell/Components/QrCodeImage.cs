namespace IspPortal.Web.Shell.Components;

/// <summary>A QR code as a PNG data URI, for pages that show a QRIS payload to scan.</summary>
public static class QrCodeImage
{
    public static string DataUri(string payload)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCoder.QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new QRCoder.PngByteQRCode(data).GetGraphic(8));
    }
}
