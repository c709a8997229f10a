using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Tests.Organisations;

public sealed class UnifiedSocialCreditCodeTests
{
    // Codes printed on real business licences and published by the companies themselves, so the
    // check-character arithmetic is tested against GB 32100 as applied, not against our own reading of it.
    public static TheoryData<string, string> PublishedCodes => new()
    {
        { "91330100799655058B", "阿里巴巴（中国）有限公司" },
        { "91440300708461136T", "深圳市腾讯计算机系统有限公司" },
        { "91110000802100433B", "北京百度网讯科技有限公司" },
        { "914403001922038216", "华为技术有限公司" },
        { "911000001000013428", "中国银行股份有限公司" },
        { "91520000214434146R", "贵州茅台酒股份有限公司" },
    };

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Published_codes_are_valid(string code, string holder)
    {
        var parsed = UnifiedSocialCreditCode.Parse(code);

        Assert.True(parsed.Succeeded, $"{holder}: {string.Join(", ", parsed.Errors ?? [])}");
        Assert.Equal(code, parsed.Value!.Value);
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Check_character_of_published_codes_is_recomputed(string code, string holder)
    {
        Assert.True(code[^1] == UnifiedSocialCreditCode.CheckCharacter(code.AsSpan(0, 17)), holder);
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Every_other_check_character_is_refused(string code, string holder)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        foreach (var wrong in alphabet.Where(c => c != code[^1]))
        {
            var result = UnifiedSocialCreditCode.Parse(code[..17] + wrong);

            Assert.False(result.Succeeded, $"{holder} with check character {wrong}");
            Assert.Equal(CreditCodeErrors.WrongCheckCharacter, Assert.Single(result.Errors).Code);
        }
    }

    [Fact]
    public void A_single_changed_character_is_detected()
    {
        // Swap one body digit of Alibaba's code and keep the original check character.
        var result = UnifiedSocialCreditCode.Parse("91330100799655059B");

        Assert.Equal(CreditCodeErrors.WrongCheckCharacter, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("91330100799655058b")]
    [InlineData(" 9133 0100 7996 5505 8B ")]
    [InlineData("9133010079965 5058b")]
    public void Lower_case_and_spaces_are_accepted_and_normalised(string input)
    {
        var parsed = UnifiedSocialCreditCode.Parse(input);

        Assert.True(parsed.Succeeded);
        Assert.Equal("91330100799655058B", parsed.Value!.Value);
    }

    [Theory]
    [InlineData("9133010079965505")]
    [InlineData("91330100799655058")]
    [InlineData("91330100799655058B0")]
    public void Wrong_length_is_refused_with_the_length_found(string input)
    {
        var error = Assert.Single(UnifiedSocialCreditCode.Parse(input).Errors);

        Assert.Equal(CreditCodeErrors.WrongLength, error.Code);
        Assert.Equal(input.Length, Assert.Single(error.Arguments));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_code_is_required(string? input)
    {
        Assert.Equal(CreditCodeErrors.Required, Assert.Single(UnifiedSocialCreditCode.Parse(input).Errors).Code);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Letters_outside_the_alphabet_are_refused_with_their_position(char letter)
    {
        // Position 10 is in the organisation part, where letters are otherwise allowed.
        var code = "913301007" + letter + "9655058B";

        var error = Assert.Single(UnifiedSocialCreditCode.Parse(code).Errors);

        Assert.Equal(CreditCodeErrors.InvalidCharacter, error.Code);
        Assert.Equal(new object[] { 10, letter }, error.Arguments);
    }

    [Fact]
    public void Division_code_must_be_digits()
    {
        var first17 = "91AB0100799655058";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

        Assert.Equal(CreditCodeErrors.InvalidDivision, Assert.Single(UnifiedSocialCreditCode.Parse(code).Errors).Code);
    }

    [Fact]
    public void Division_code_is_read_from_positions_three_to_eight()
    {
        Assert.Equal("440300", UnifiedSocialCreditCode.Parse("91440300708461136T").Value!.DivisionCode);
    }

    [Fact]
    public void Errors_name_the_field_they_were_asked_for()
    {
        Assert.Equal("Code", Assert.Single(UnifiedSocialCreditCode.Parse("123", "Code").Errors).Field);
    }

    [Fact]
    public void Check_character_needs_seventeen_characters_of_the_alphabet()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("9133010079965505"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("9133010079965505I"));
    }
}
