using System.Text;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Witness;

namespace FinPilot.Ledger.Tests.Witness;

public sealed class AddCheckpointRequestTests
{
    // The example request body from c2sp.org/tlog-witness.
    private const string SpecExample =
        "old 20852014\n"
        + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
        + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
        + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
        + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n"
        + "\n"
        + Note;

    private const string Note =
        "example.com/behind-the-sofa\n"
        + "20852163\n"
        + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        + "\n"
        + "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
        + "— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";

    [Fact]
    public void The_spec_example_parses_and_formats_back_byte_for_byte()
    {
        var request = AddCheckpointRequest.Parse(SpecExample);

        Assert.True(request.IsSuccess, request.Error);
        Assert.Equal(20852014, request.Value.OldSize);
        Assert.Equal(4, request.Value.ConsistencyProof.Count);
        Assert.Equal(MerkleHash.FromBase64("/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0="), request.Value.ConsistencyProof[3]);
        Assert.Equal("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", request.Value.CheckpointNote.Text);
        Assert.Equal(2, request.Value.CheckpointNote.Signatures.Count);
        Assert.Equal(SpecExample, request.Value.Format());
        Assert.True(AddCheckpointRequest.Parse(Encoding.UTF8.GetBytes(SpecExample)).IsSuccess);
    }

    [Fact]
    public async Task A_request_built_from_a_log_round_trips()
    {
        using var log = new TestLog();
        await log.GrowAsync(11);
        var request = await log.RequestAsync(11, await log.GrowAsync(20));

        var parsed = AddCheckpointRequest.Parse(request.Format());

        Assert.True(parsed.IsSuccess, parsed.Error);
        Assert.Equal(request, parsed.Value);
        Assert.Equal(11, parsed.Value.OldSize);
        Assert.Equal(await log.Tree.ConsistencyProofAsync(11, 31, TestContext.Current.CancellationToken), parsed.Value.ConsistencyProof);
        Assert.StartsWith("old 11\n", request.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_side_helper_sends_no_proof_from_zero_or_from_the_same_size_and_refuses_a_larger_witness()
    {
        using var log = new TestLog();
        var note = await log.GrowAsync(9);

        Assert.Empty((await log.RequestAsync(0, note)).ConsistencyProof);
        Assert.Empty((await log.RequestAsync(9, note)).ConsistencyProof);
        Assert.NotEmpty((await log.RequestAsync(3, note)).ConsistencyProof);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.RequestAsync(10, note));
        Assert.Equal("old 0\n\n" + note.Format(), (await log.RequestAsync(0, note)).Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("old 5\n")]
    [InlineData("old 5\n" + Note)] // no blank line between header and note
    [InlineData("\n" + Note)] // no old line
    [InlineData("old 05\n\n" + Note)]
    [InlineData("old -5\n\n" + Note)]
    [InlineData("old +5\n\n" + Note)]
    [InlineData("old  5\n\n" + Note)]
    [InlineData("Old 5\n\n" + Note)]
    [InlineData("old 5 \n\n" + Note)]
    [InlineData("old\n\n" + Note)]
    [InlineData("old 9223372036854775808\n\n" + Note)]
    [InlineData("old 5\r\n\r\n" + Note)]
    [InlineData("old 5\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpka=\n\n" + Note)] // 31 bytes
    [InlineData("old 5\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkax=\n\n" + Note)] // non-canonical
    [InlineData("old 5\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw= \n\n" + Note)]
    [InlineData("old 5\n\nexample.com/behind-the-sofa\n20852163\n")] // note without signatures
    [InlineData("old 5\n\n" + Note + "trailing garbage")]
    public void Malformed_bodies_are_rejected(string body) => Assert.False(AddCheckpointRequest.Parse(body).IsSuccess);

    [Fact]
    public void At_most_63_proof_hashes_are_accepted()
    {
        static string Body(int hashes) =>
            "old 1\n" + string.Concat(Enumerable.Repeat("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n", hashes)) + "\n" + Note;

        Assert.Equal(63, AddCheckpointRequest.Parse(Body(63)).Value.ConsistencyProof.Count);
        Assert.Contains("more than 63", AddCheckpointRequest.Parse(Body(64)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_and_non_UTF8_bodies_are_rejected()
    {
        var padded = "old 5\n\n" + Note.Replace("20852163\n", "20852163\n" + new string('x', AddCheckpointRequest.MaxBodyBytes) + "\n", StringComparison.Ordinal);
        Assert.Contains("exceeds", AddCheckpointRequest.Parse(padded).Error, StringComparison.Ordinal);
        Assert.Contains("exceeds", AddCheckpointRequest.Parse(Encoding.UTF8.GetBytes(padded)).Error, StringComparison.Ordinal);

        var bytes = Encoding.UTF8.GetBytes(SpecExample);
        bytes[^3] = 0xff;
        Assert.Contains("UTF-8", AddCheckpointRequest.Parse(bytes).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12\n", 12L)]
    [InlineData("0\n", 0L)]
    public void A_conflict_body_parses(string body, long size) => Assert.Equal(size, TreeSizeBody.Parse(body).Value);

    [Theory]
    [InlineData("12")]
    [InlineData("012\n")]
    [InlineData("-1\n")]
    [InlineData("\n")]
    [InlineData("12\n\n")]
    public void A_malformed_conflict_body_is_rejected(string body) => Assert.False(TreeSizeBody.Parse(body).IsSuccess);
}
