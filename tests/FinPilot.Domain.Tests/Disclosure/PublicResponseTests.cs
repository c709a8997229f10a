using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using static FinPilot.Domain.Tests.Disclosure.NoticeTestData;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>Comments and objections from the public: who must say what, and when they are taken.</summary>
public sealed class PublicResponseTests
{
    [Fact]
    public void Anyone_may_comment_without_a_name_a_contact_or_a_project()
    {
        var notice = NewPublished();

        var comment = Respond(notice, Comment());

        Assert.Equal(PublicResponseKind.Comment, comment.Kind);
        Assert.Null(comment.ProjectId);
        Assert.Null(comment.Name);
        Assert.Null(comment.Contact);
        Assert.False(comment.IsOpenObjection);
        Assert.Same(comment, Assert.Single(notice.Responses));
    }

    [Fact]
    public void A_response_is_public_only_once_the_working_group_releases_it_and_only_once()
    {
        var notice = NewPublished();
        var comment = Respond(notice, Comment());
        var objection = Respond(notice, Objection(ProjectA) with { Name = "张三", Contact = "zhangsan@example.com" });

        Assert.False(comment.IsReleased);
        Assert.Empty(notice.ReleasedResponses);

        Assert.True(comment.Release(EveOfNationalDay.AddHours(2), "wg").Succeeded);
        Assert.Equal(DisclosureErrors.AlreadyReleased, Assert.Single(comment.Release(EveOfNationalDay.AddHours(3), "wg").Errors).Code);

        Assert.Equal((EveOfNationalDay.AddHours(2), "wg"), (comment.ReleasedAt!.Value, comment.ReleasedBy));
        Assert.Same(comment, Assert.Single(notice.ReleasedResponses));
        Assert.False(objection.IsReleased);
    }

    [Fact]
    public void An_objection_must_name_the_project_the_objector_and_a_contact()
    {
        var notice = NewPublished();
        var form = new PublicResponseForm(PublicResponseKind.Objection, null, "牵头机构存在违规记录，请核实。", " ", null);

        var result = notice.Respond(Guid.NewGuid(), form, EveOfNationalDay.AddHours(1));

        Assert.Equal(
            [(DisclosureErrors.ProjectRequired, "ProjectId"), (DisclosureErrors.NameRequired, "Name"), (DisclosureErrors.ContactRequired, "Contact")],
            result.Errors.Select(e => (e.Code, e.Field)));
        Assert.Empty(notice.Responses);
    }

    [Fact]
    public void A_signed_objection_to_a_listed_project_is_taken_and_stays_open()
    {
        var notice = NewPublished();

        var objection = Respond(notice, Objection(ProjectA) with { Name = " 张三 ", Contact = " 138 0013 8000 " });

        Assert.True(objection.IsOpenObjection);
        Assert.Equal("张三", objection.Name);
        Assert.Equal("138 0013 8000", objection.Contact);
        Assert.Equal(EveOfNationalDay.AddHours(1), objection.SubmittedAt);
        Assert.Same(objection, Assert.Single(notice.OpenObjections(ProjectA)));
        Assert.Empty(notice.OpenObjections(ProjectB));
    }

    [Fact]
    public void A_response_about_a_project_not_on_the_notice_is_refused()
    {
        var notice = NewPublished();
        var stranger = Guid.NewGuid();

        var result = notice.Respond(Guid.NewGuid(), Objection(stranger), EveOfNationalDay.AddHours(1));

        var error = Assert.Single(result.Errors);
        Assert.Equal((DisclosureErrors.ProjectNotListed, "ProjectId"), (error.Code, error.Field));
        Assert.Equal(stranger, Assert.Single(error.Arguments));
    }

    [Fact]
    public void An_objection_on_the_last_instant_is_taken_and_one_a_tick_later_is_refused()
    {
        var notice = NewPublished();

        Assert.True(notice.Respond(Guid.NewGuid(), Objection(ProjectA), EndsAt).Succeeded);
        var late = notice.Respond(Guid.NewGuid(), Objection(ProjectB), AfterEnd);

        var error = Assert.Single(late.Errors);
        Assert.Equal(DisclosureErrors.NoticeNotOpen, error.Code);
        Assert.Null(error.Field);
        Assert.Equal(EndsAt, Assert.Single(error.Arguments));
        Assert.Single(notice.Responses);
    }

    [Fact]
    public void Nothing_is_taken_on_a_draft_or_a_withdrawn_notice()
    {
        var draft = NewDraft();
        var withdrawn = NewPublished();
        Assert.True(withdrawn.Withdraw("有误", EveOfNationalDay.AddMinutes(5), WorkingGroup).Succeeded);

        Assert.Equal(DisclosureErrors.NoticeNotOpen, Assert.Single(draft.Respond(Guid.NewGuid(), Comment(), EveOfNationalDay).Errors).Code);
        Assert.Equal(DisclosureErrors.NoticeNotOpen, Assert.Single(withdrawn.Respond(Guid.NewGuid(), Comment(), EveOfNationalDay.AddHours(1)).Errors).Code);
    }

    [Theory]
    [InlineData(9, "Disclosure.TextTooShort")]
    [InlineData(10, null)]
    [InlineData(5000, null)]
    [InlineData(5001, "Field.TooLong")]
    [InlineData(0, "Field.Required")]
    public void The_text_is_ten_to_five_thousand_characters(int length, string? code)
    {
        var notice = NewPublished();

        var result = notice.Respond(Guid.NewGuid(), Comment() with { Text = $"  {new string('意', length)} " }, EveOfNationalDay.AddHours(1));

        Assert.Equal(code, result.Errors.SingleOrDefault()?.Code);
        Assert.All(result.Errors, e => Assert.Equal("Text", e.Field));
    }

    [Theory]
    [InlineData("zhangsan@example.com", PublicContactKind.Email)]
    [InlineData("  li.si+notice@mail.example.com.cn ", PublicContactKind.Email)]
    [InlineData("王五@例子.中国", PublicContactKind.Email)]
    [InlineData("13800138000", PublicContactKind.Phone)]
    [InlineData("138 0013 8000", PublicContactKind.Phone)]
    [InlineData("138-0013-8000", PublicContactKind.Phone)]
    [InlineData("+86 138 0013 8000", PublicContactKind.Phone)]
    [InlineData("010-8888 6666", PublicContactKind.Phone)]
    [InlineData("（0755）1234567", PublicContactKind.Phone)]
    [InlineData("+852 2123 4567", PublicContactKind.Phone)]
    [InlineData("00852 2123 4567", PublicContactKind.Phone)]
    [InlineData("zhangsan", null)]
    [InlineData("zhangsan@", null)]
    [InlineData("@example.com", null)]
    [InlineData("zhang san@example.com", null)]
    [InlineData("zhangsan@example", null)]
    [InlineData("zhangsan@@example.com", null)]
    [InlineData("zhangsan@example..com", null)]
    [InlineData("zhangsan@-example.com", null)]
    [InlineData(".zhangsan@example.com", null)]
    [InlineData("zhangsan@10.0.0.1", null)]
    [InlineData("1380013800", null)] // a mobile number one digit short
    [InlineData("138001380001", null)] // one digit too many
    [InlineData("12800138000", null)] // no mobile number starts 12
    [InlineData("8888 6666", null)] // a landline without its area code
    [InlineData("+0 123 4567", null)]
    [InlineData("+86 138 0013 8000 1234 5", null)] // more than 15 digits
    [InlineData("138 0013 80OO", null)] // letters O for zeros
    [InlineData("13800138000转123", null)]
    public void A_contact_is_an_email_address_or_a_phone_number(string contact, PublicContactKind? kind)
    {
        Assert.Equal(kind, PublicContact.KindOf(contact));
    }

    [Fact]
    public void A_contact_that_is_neither_is_refused_for_a_comment_too()
    {
        var notice = NewPublished();

        var result = notice.Respond(Guid.NewGuid(), Comment() with { Contact = "微信 zhangsan" }, EveOfNationalDay.AddHours(1));

        var error = Assert.Single(result.Errors);
        Assert.Equal((DisclosureErrors.ContactInvalid, "Contact"), (error.Code, error.Field));
    }

    [Fact]
    public void A_contact_longer_than_an_email_address_can_be_is_too_long()
    {
        var contact = new string('a', 250) + "@example.com";

        var error = Assert.Single(PublicContact.Errors(contact, "Contact"));

        Assert.Equal(Text.TooLongCode, error.Code);
        Assert.Equal(PublicContact.MaxLength, Assert.Single(error.Arguments));
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        var notice = NewPublished();

        var result = notice.Respond(Guid.NewGuid(), Comment() with { Kind = (PublicResponseKind)9 }, EveOfNationalDay.AddHours(1));

        Assert.Equal((DisclosureErrors.KindInvalid, "Kind"), result.Errors.Select(e => (e.Code, e.Field)).Single());
    }
}
