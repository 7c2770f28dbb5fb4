using IspPortal.Core.Tickets.Lifecycle;

namespace IspPortal.Tests.Tickets;

public sealed class CustomerRepliesTests
{
    [Theory]
    [InlineData("YA")]
    [InlineData("  ya. ")]
    [InlineData("Sudah normal, terima kasih!")]
    [InlineData("oke")]
    public void A_short_yes_confirms_the_fix(string text) =>
        Assert.IsType<CustomerReply.Fixed>(CustomerReplies.ToResolvedTicket(text));

    [Theory]
    [InlineData("BELUM")]
    [InlineData("masih mati pak, lampu LOS merah")]
    [InlineData("Tidak, masih lambat")]
    public void A_no_reopens_with_the_customers_words(string text) =>
        Assert.Equal(text.Trim(), Assert.IsType<CustomerReply.NotFixed>(CustomerReplies.ToResolvedTicket(text)).Text);

    [Theory]
    [InlineData("Internet mati lagi")]
    [InlineData("ya tapi kadang putus")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_an_ordinary_message(string? text) =>
        Assert.Null(CustomerReplies.ToResolvedTicket(text));

    [Theory]
    [InlineData("5", 5, null)]
    [InlineData(" 4 mantap, cepat", 4, "mantap, cepat")]
    [InlineData("3/5 agak lama datangnya", 3, "agak lama datangnya")]
    [InlineData("1 bintang. kecewa", 1, "kecewa")]
    public void A_lone_digit_one_to_five_is_a_rating(string text, int stars, string? comment) =>
        Assert.Equal(new CustomerReply.Rating(stars, comment), CustomerReplies.ToRatingRequest(text));

    [Theory]
    [InlineData("081234567890")]
    [InlineData("10")]
    [InlineData("6 dari 10")]
    [InlineData("4.5")]
    [InlineData("internet 5 kali putus")]
    public void Numbers_that_are_not_a_rating_are_not_read_as_one(string text) =>
        Assert.Null(CustomerReplies.ToRatingRequest(text));
}
