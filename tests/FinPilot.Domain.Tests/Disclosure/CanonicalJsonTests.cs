using System.Text;
using System.Text.Json;
using FinPilot.Domain.Disclosure;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>The same content gives the same bytes, whichever order or spelling it came in.</summary>
public sealed class CanonicalJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_same_content_in_another_order_gives_the_same_bytes()
    {
        var one = new Dictionary<string, object?> { ["title"] = "公示", ["projects"] = new[] { "甲", "乙" }, ["days"] = 5 };
        var other = new Dictionary<string, object?> { ["days"] = 5, ["title"] = "公示", ["projects"] = new[] { "甲", "乙" } };

        Assert.Equal(CanonicalJson.ToUtf8Bytes(one), CanonicalJson.ToUtf8Bytes(other));
        Assert.Equal("""{"days":5,"projects":["甲","乙"],"title":"公示"}""", CanonicalJson.Write(one));
    }

    [Fact]
    public void Keys_are_sorted_at_every_depth_and_arrays_keep_their_order()
    {
        var json = CanonicalJson.Write(new { Zeta = 1, Alpha = new { b = 2, a = new[] { 3, 1, 2 } } });

        Assert.Equal("""{"alpha":{"a":[3,1,2],"b":2},"zeta":1}""", json);
    }

    [Fact]
    public void Keys_sort_by_utf16_code_unit_so_capitals_come_before_small_letters()
    {
        var json = CanonicalJson.Write(new Dictionary<string, int> { ["b"] = 1, ["B"] = 2, ["a"] = 3, ["中"] = 4, ["1"] = 5 });

        Assert.Equal("""{"1":5,"B":2,"a":3,"b":1,"中":4}""", json);
    }

    [Fact]
    public void Text_is_utf8_as_itself_with_only_quotes_backslashes_and_controls_escaped()
    {
        var bytes = CanonicalJson.ToUtf8Bytes(new { text = "\"公示\"\\ <b>&'\n\t\u0001é😀" });

        Assert.Equal("{\"text\":\"\\\"公示\\\"\\\\ <b>&'\\n\\t\\u0001é😀\"}", Encoding.UTF8.GetString(bytes));
        Assert.Equal(Encoding.UTF8.GetBytes("公"), bytes[11..14]);
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
    }

    [Fact]
    public void An_instant_is_written_in_utc_whatever_offset_it_was_given_in()
    {
        var beijing = CanonicalJson.Write(new { at = At });
        var utc = CanonicalJson.Write(new { at = At.ToUniversalTime() });

        Assert.Equal("""{"at":"2026-09-30T02:00:00Z"}""", beijing);
        Assert.Equal(beijing, utc);
        Assert.Equal("""{"at":"2026-09-30T02:00:00.5Z"}""", CanonicalJson.Write(new { at = At.AddMilliseconds(500) }));
    }

    [Fact]
    public void Nulls_are_left_out_enums_are_names_and_numbers_lose_trailing_zeros()
    {
        var json = CanonicalJson.Write(new { kind = PublicEventKind.Admitted, note = (string?)null, ratio = 1.50m, whole = 2.0m, flag = true });

        Assert.Equal("""{"flag":true,"kind":"Admitted","ratio":1.5,"whole":2}""", json);
    }

    [Fact]
    public void Rewriting_any_json_gives_the_canonical_form()
    {
        const string loose = """
            { "title" : "公示",
              "days": 5.00, "projects": [ "甲", "乙" ], "x": -0.0 }
            """;

        Assert.Equal("""{"days":5,"projects":["甲","乙"],"title":"公示","x":0}""", CanonicalJson.Canonicalize(loose));
        Assert.Equal(CanonicalJson.Canonicalize(loose), CanonicalJson.Canonicalize(CanonicalJson.Canonicalize(loose)));
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        Assert.Throws<JsonException>(() => CanonicalJson.Canonicalize("""{"a":1,"b":2,"a":3}"""));
    }

    [Fact]
    public void A_public_record_of_the_same_content_has_the_same_payload()
    {
        var first = PublicRecord.Create("Disclosure.NoticePublished", "n-1", At, new { title = "公示", endsOn = new DateOnly(2026, 10, 13) });
        var second = PublicRecord.Create("Disclosure.NoticePublished", "n-1", At.ToUniversalTime(), new Dictionary<string, object> { ["endsOn"] = "2026-10-13", ["title"] = "公示" });

        Assert.Equal(first, second);
        Assert.Equal("""{"endsOn":"2026-10-13","title":"公示"}""", first.Payload);
        Assert.Equal(TimeSpan.Zero, first.At.Offset);
    }
}
