using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using static FinPilot.Domain.Tests.Calls.CallTestData;

namespace FinPilot.Domain.Tests.Calls;

/// <summary>Writing a call: what a draft must hold, and what it is cleaned to.</summary>
public sealed class CallTests
{
    [Fact]
    public void A_new_call_is_a_private_draft_with_its_author_and_a_version()
    {
        var call = NewDraft();

        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.False(call.IsPublic);
        Assert.False(call.IsOpenAt(OpensAt.AddDays(1)));
        Assert.Equal(WorkingGroup, call.CreatedBy);
        Assert.Equal(Now, call.CreatedAt);
        Assert.NotEqual(Guid.Empty, call.Version);
        Assert.Empty(call.Corrections);
    }

    [Theory]
    [InlineData("", "Field.Required", "Title")]
    [InlineData("   ", "Field.Required", "Title")]
    public void A_call_needs_a_title(string title, string code, string field)
    {
        var result = Call.Create(Guid.NewGuid(), RegionId, Complete() with { Title = title }, Now, WorkingGroup);

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Call.MaxBatchNumber + 1)]
    public void The_batch_number_is_from_one_up_to_the_limit(int batch)
    {
        var result = Call.Create(Guid.NewGuid(), RegionId, Complete() with { BatchNumber = batch }, Now, WorkingGroup);

        Assert.Equal(CallErrors.BatchInvalid, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void The_batch_number_limit_itself_is_accepted()
    {
        Assert.True(Call.Create(Guid.NewGuid(), RegionId, Complete() with { BatchNumber = Call.MaxBatchNumber }, Now, WorkingGroup).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void The_call_must_close_after_it_opens(int closesMinutesAfterOpening)
    {
        var details = Complete() with { ClosesAt = OpensAt.AddMinutes(closesMinutesAfterOpening) };

        var error = Assert.Single(Call.Create(Guid.NewGuid(), RegionId, details, Now, WorkingGroup).Errors);

        Assert.Equal((CallErrors.WindowInvalid, "ClosesAt"), (error.Code, error.Field));
    }

    [Fact]
    public void A_call_needs_a_region()
    {
        var error = Assert.Single(Call.Create(Guid.NewGuid(), 0, Complete(), Now, WorkingGroup).Errors);
        Assert.Equal((Text.RequiredCode, "RegionId"), (error.Code, error.Field));
    }

    [Fact]
    public void Over_long_texts_are_refused_field_by_field()
    {
        var details = Complete() with
        {
            Title = new string('题', Call.MaxTitleLength + 1),
            BodyHtml = new string('文', Call.MaxBodyLength + 1),
            Contact = new string('联', Call.MaxContactLength + 1),
        };

        var errors = Call.Create(Guid.NewGuid(), RegionId, details, Now, WorkingGroup).Errors;

        Assert.Equal(["BodyHtml", "Contact", "Title"], errors.Where(e => e.Code == Text.TooLongCode).Select(e => e.Field).Order());
    }

    [Fact]
    public void Too_many_directions_or_materials_are_refused()
    {
        var details = Complete() with
        {
            Directions = Enumerable.Range(1, Call.MaxDirections + 1).Select(i => $"方向{i}").ToArray(),
            Materials = Enumerable.Range(1, Call.MaxMaterials + 1).Select(i => $"材料{i}").ToArray(),
        };

        var errors = Call.Create(Guid.NewGuid(), RegionId, details, Now, WorkingGroup).Errors;

        Assert.Equal(["Directions", "Materials"], errors.Where(e => e.Code == CallErrors.TooManyItems).Select(e => e.Field).Order());
    }

    [Fact]
    public void An_over_long_direction_is_refused_at_its_line()
    {
        var details = Complete() with { Directions = ["方向", new string('向', Call.MaxDirectionLength + 1)] };

        var error = Assert.Single(Call.Create(Guid.NewGuid(), RegionId, details, Now, WorkingGroup).Errors);

        Assert.Equal((Text.TooLongCode, "Directions[1]"), (error.Code, error.Field));
    }

    [Fact]
    public void An_unknown_organisation_type_is_refused()
    {
        var details = Complete() with { EligibleTypes = [(OrganisationType)99] };

        Assert.Equal(CallErrors.TypeInvalid, Assert.Single(Call.Create(Guid.NewGuid(), RegionId, details, Now, WorkingGroup).Errors).Code);
    }

    [Fact]
    public void Lists_drop_blank_lines_and_repeats_and_texts_are_trimmed()
    {
        var details = Complete() with
        {
            Title = "  标题  ",
            Directions = ["  方向一 ", "", "方向一", "方向二", "   "],
            EligibleTypes = [OrganisationType.TechnologyCompany, OrganisationType.SecuritiesFirm, OrganisationType.TechnologyCompany],
            Materials = null,
        };

        var call = NewDraft(details);

        Assert.Equal("标题", call.Title);
        Assert.Equal(["方向一", "方向二"], call.Directions);
        Assert.Equal([OrganisationType.SecuritiesFirm, OrganisationType.TechnologyCompany], call.EligibleTypes);
        Assert.Empty(call.Materials);
    }

    [Fact]
    public void Times_are_kept_to_the_second()
    {
        var call = NewDraft(Complete() with { OpensAt = OpensAt.AddMilliseconds(999) });

        Assert.Equal(OpensAt, call.OpensAt);
    }

    [Fact]
    public void A_draft_may_be_incomplete()
    {
        var details = Complete() with { BodyHtml = "", Directions = null, EligibleTypes = null, Materials = [], Contact = null };

        Assert.True(Call.Create(Guid.NewGuid(), RegionId, details, Now, WorkingGroup).Succeeded);
    }

    [Fact]
    public void Updating_a_draft_changes_it_and_its_version()
    {
        var call = NewDraft();
        var version = call.Version;
        var later = Now.AddHours(1);

        Assert.True(call.UpdateDraft(Complete() with { Title = "新标题" }, later).Succeeded);

        Assert.Equal("新标题", call.Title);
        Assert.Equal(later, call.UpdatedAt);
        Assert.NotEqual(version, call.Version);
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var call = NewDraft();
        var version = call.Version;

        Assert.False(call.UpdateDraft(Complete() with { Title = "", BatchNumber = 0 }, Now.AddHours(1)).Succeeded);

        Assert.Equal(Complete().Title, call.Title);
        Assert.Equal(2, call.BatchNumber);
        Assert.Equal(version, call.Version);
    }
}
