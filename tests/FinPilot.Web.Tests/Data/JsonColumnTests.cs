using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Data;

namespace FinPilot.Web.Tests.Data;

/// <summary>Rows already written must read back, so the JSON text of each kind of column is pinned here.</summary>
public sealed class JsonColumnTests
{
    [Fact]
    public void A_list_of_strings_is_a_plain_json_array_with_non_ascii_escaped()
    {
        IReadOnlyList<string> values = ["风险防控", "a\"b"];

        var json = (string)JsonColumn<IReadOnlyList<string>>.Converter.ConvertToProvider(values)!;

        Assert.Equal("[\"\\u98CE\\u9669\\u9632\\u63A7\",\"a\\u0022b\"]", json);
        Assert.Equal(values, (IReadOnlyList<string>)JsonColumn<IReadOnlyList<string>>.Converter.ConvertFromProvider(json)!);
    }

    [Fact]
    public void Organisation_types_are_kept_by_name_and_an_unknown_name_is_skipped()
    {
        IReadOnlyList<OrganisationType> types = [OrganisationType.SecuritiesFirm, OrganisationType.Other];

        Assert.Equal("[\"SecuritiesFirm\",\"Other\"]", JsonEnumNames<OrganisationType>.Converter.ConvertToProvider(types));
        Assert.Equal([OrganisationType.FundManager], (IReadOnlyList<OrganisationType>)JsonEnumNames<OrganisationType>.Converter.ConvertFromProvider("[\"FundManager\",\"Retired\"]")!);
    }

    [Fact]
    public void A_record_is_kept_with_camel_case_names_and_compared_by_its_json()
    {
        var reply = new ResponseReply("已答复", new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8)), "u1");

        var json = JsonColumn<ResponseReply>.NullableConverter.ConvertToProvider(reply);

        Assert.Equal("{\"text\":\"\\u5DF2\\u7B54\\u590D\",\"at\":\"2026-11-23T09:30:00+08:00\",\"by\":\"u1\"}", json);
        Assert.True(JsonColumn<ResponseReply>.NullableComparer.Equals(reply, reply with { }));
        Assert.False(JsonColumn<ResponseReply>.NullableComparer.Equals(reply, reply with { By = "u2" }));
        Assert.Null(JsonColumn<ResponseReply>.NullableConverter.ConvertToProvider(null));
    }
}
