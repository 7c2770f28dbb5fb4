using ImageMagick;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Settings;

namespace IspPortal.Tests.Billing.Documents;

public sealed class StaticQrisTests
{
    // A static merchant payload as printed on a QRIS sticker, without its CRC value.
    private const string WithoutCrc =
        "000201010211" + "26570011ID.DANA.WWW011893600915302259148102090225914810303UMI" + "5204481653033605802ID"
        + "5912NET KARAWANG6008KARAWANG61054136163" + "04";

    private static string Valid => WithoutCrc + StaticQris.Crc(WithoutCrc);

    [Fact]
    public void Crc_is_ccitt_false_as_the_published_check_value() =>
        Assert.Equal("29B1", StaticQris.Crc("123456789"));

    [Fact]
    public void A_payload_with_its_crc_is_accepted()
    {
        Assert.Null(StaticQris.Problem(Valid));
        Assert.False(new PaymentInstructions { StaticQrisPayload = Valid }.Validate().Any);
    }

    [Fact]
    public void A_payload_with_a_wrong_crc_is_refused_with_the_expected_one()
    {
        var crc = StaticQris.Crc(WithoutCrc);
        var wrong = WithoutCrc + (crc == "0000" ? "0001" : "0000");

        var problem = StaticQris.Problem(wrong);

        Assert.NotNull(problem);
        Assert.Contains(crc, problem, StringComparison.Ordinal);
        Assert.True(new PaymentInstructions { StaticQrisPayload = wrong }.Validate().Any);
    }

    [Fact]
    public void A_typo_in_the_merchant_name_fails_the_crc() =>
        Assert.NotNull(StaticQris.Problem(Valid.Replace("NET KARAWANG", "NET KARAWANK", StringComparison.Ordinal)));

    [Theory]
    [InlineData("https://example.com/pay")]
    [InlineData("0002010102116304ABCD1")]
    [InlineData("000201010211")]
    public void Text_that_is_not_an_emvco_payload_is_refused(string payload) =>
        Assert.NotNull(StaticQris.Problem(payload));

    [Fact]
    public void No_qris_is_fine_and_bank_text_is_limited_to_1000_characters()
    {
        Assert.False(new PaymentInstructions().Validate().Any);
        Assert.True(new PaymentInstructions { BankTransfer = new string('x', 1001) }.Validate().Any);
    }

    [Fact]
    public void A_logo_must_be_a_png_or_jpeg_of_at_most_512_kb_and_2000_pixels_a_side()
    {
        var png = Image(MagickFormat.Png, 200, 80);
        Assert.False(CompanyLogo.From(png).Validate().Any);
        Assert.False(CompanyLogo.From(Image(MagickFormat.Jpeg, 2000, 40)).Validate().Any);
        Assert.Equal("Logo paling besar 2000×2000 piksel.", CompanyLogo.From(Image(MagickFormat.Jpeg, 2001, 40)).Validate().ToDictionary()[nameof(CompanyLogo.Base64)].Single());
        Assert.Equal("Logo paling besar 2000×2000 piksel.", CompanyLogo.From(Image(MagickFormat.Png, 10, 2001)).Validate().ToDictionary()[nameof(CompanyLogo.Base64)].Single());
        Assert.Equal("Logo harus berkas PNG atau JPEG.", CompanyLogo.From(png[..12]).Validate().ToDictionary()[nameof(CompanyLogo.Base64)].Single());
        Assert.False(new CompanyLogo().Validate().Any);
        Assert.True(CompanyLogo.From("GIF89a"u8.ToArray()).Validate().Any);
        Assert.True(CompanyLogo.From([.. png, .. new byte[CompanyLogo.MaxBytes]]).Validate().Any);
        Assert.True(new CompanyLogo { Base64 = "not base64!" }.Validate().Any);
    }

    private static byte[] Image(MagickFormat format, uint width, uint height)
    {
        using var image = new MagickImage(MagickColors.Navy, width, height) { Format = format };
        return image.ToByteArray();
    }
}
