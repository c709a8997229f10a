using FinPilot.Domain.Applications;

namespace FinPilot.Domain.Tests.Applications;

public sealed class RequiredMaterialsTests
{
    private static readonly string[] Required = ["申报书", "测试方案", "应急预案"];

    [Fact]
    public void Each_required_material_without_a_labelled_file_is_named_in_the_calls_order()
    {
        var missing = RequiredMaterials.Missing(Required, [null, "测试方案", "不相干"]);

        Assert.Equal(["申报书", "应急预案"], missing.Select(e => (string)e.Arguments[0]));
        Assert.All(missing, e => Assert.Equal((ApplicationErrors.MaterialMissing, RequiredMaterials.Field), (e.Code, e.Field)));
    }

    [Fact]
    public void Labels_match_exactly_and_a_call_without_materials_requires_none()
    {
        Assert.Single(RequiredMaterials.Missing(["申报书"], ["申报书 "]));
        Assert.Empty(RequiredMaterials.Missing([], []));
        Assert.Empty(RequiredMaterials.Missing(Required, Required));
    }
}

public sealed class AttachmentDiffTests
{
    private static AttachmentFact File(string name, string sha, string? material = null) => new(name, sha, material);

    [Fact]
    public void The_same_content_is_the_same_file_whatever_its_name()
    {
        Assert.Empty(AttachmentDiff.Between([File("方案.pdf", "a", "申报书")], [File("方案-改名.pdf", "a", "申报书")]));
    }

    [Fact]
    public void A_new_file_for_a_material_replaces_the_old_one_and_unpaired_files_are_added_or_removed()
    {
        var before = new[] { File("申报书.pdf", "a", "申报书"), File("测试方案.pdf", "a", "测试方案"), File("旧佐证.pdf", "c") };
        var after = new[] { File("测试方案.pdf", "a", "测试方案"), File("申报书-修订.pdf", "b", "申报书"), File("补充.pdf", "d") };

        var changes = AttachmentDiff.Between(before, after);

        Assert.Equal(
            [
                (AttachmentChangeKind.Replaced, (string?)"申报书", (string?)"申报书.pdf", (string?)"申报书-修订.pdf"),
                (AttachmentChangeKind.Removed, null, "旧佐证.pdf", null),
                (AttachmentChangeKind.Added, null, null, "补充.pdf"),
            ],
            changes.Select(c => (c.Kind, c.Material, c.Before?.FileName, c.After?.FileName)));
    }

    [Fact]
    public void Unlabelled_files_with_the_same_name_are_a_replacement()
    {
        var change = Assert.Single(AttachmentDiff.Between([File("附件.pdf", "a")], [File("附件.pdf", "b")]));
        Assert.Equal(AttachmentChangeKind.Replaced, change.Kind);
    }

    [Fact]
    public void Two_copies_of_one_file_count_twice()
    {
        var change = Assert.Single(AttachmentDiff.Between([File("x.pdf", "a"), File("y.pdf", "a")], [File("x.pdf", "a")]));
        Assert.Equal((AttachmentChangeKind.Removed, "y.pdf"), (change.Kind, change.Before!.FileName));
    }
}
