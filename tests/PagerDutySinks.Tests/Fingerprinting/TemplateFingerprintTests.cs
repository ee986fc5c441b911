using System.Linq;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Tests.Fingerprinting;

public sealed class TemplateFingerprintTests
{
    private const string Template = "Payment {PaymentId} for {Amount} failed";

    [Fact]
    public void Key_is_versioned_and_names_the_category()
    {
        var fingerprint = TemplateFingerprint.Compute(Template, "Shop.Payments");

        Assert.Matches("^v1\\|tmpl\\|Shop\\.Payments\\|[0-9a-f]{32}$", fingerprint.DedupKey);
        Assert.Equal(Template, fingerprint.Signature);
        Assert.Null(fingerprint.ExceptionType);
        Assert.Null(fingerprint.TopFrame);
    }

    [Fact]
    public void Same_template_and_category_give_one_key_whatever_the_rendered_values()
    {
        // Two events "Payment 17 for 3.50 failed" and "Payment 42 for 99.00 failed" share their template.
        var first = TemplateFingerprint.Compute(Template, "Shop.Payments");
        var second = TemplateFingerprint.Compute(string.Concat("Payment {PaymentId}", " for {Amount} failed"), "Shop.Payments");

        Assert.Equal(first.DedupKey, second.DedupKey);
    }

    [Fact]
    public void Template_and_category_both_matter()
    {
        var key = TemplateFingerprint.Compute(Template, "Shop.Payments").DedupKey;

        Assert.NotEqual(key, TemplateFingerprint.Compute("Payment {PaymentId} timed out", "Shop.Payments").DedupKey);
        Assert.NotEqual(key, TemplateFingerprint.Compute(Template, "Shop.Refunds").DedupKey);
    }

    [Fact]
    public void Template_and_category_cannot_be_shifted_into_each_other()
    {
        Assert.NotEqual(
            TemplateFingerprint.Compute("b\nc", "a").DedupKey,
            TemplateFingerprint.Compute("c", "a\nb").DedupKey);
    }

    [Fact]
    public void Missing_template_or_category_still_gives_a_valid_key()
    {
        var neither = TemplateFingerprint.Compute(null, null);

        Assert.Matches("^v1\\|tmpl\\|\\|[0-9a-f]{32}$", neither.DedupKey);
        Assert.NotEqual(neither.DedupKey, TemplateFingerprint.Compute("", "Shop").DedupKey);
    }

    [Fact]
    public void Long_category_is_capped_to_255_characters()
    {
        var category = string.Join('.', Enumerable.Repeat("Namespace", 60)) + ".Payments";

        var key = TemplateFingerprint.Compute(Template, category).DedupKey;

        Assert.True(key.Length <= 255);
        Assert.Contains(".Payments|", key);
    }

    [Fact]
    public void Key_does_not_depend_on_the_process()
    {
        // XxHash128 is seedless and fixed: this value is the same in every process and on every platform.
        var first = TemplateFingerprint.Compute(Template, "Shop.Payments").DedupKey;
        var hash = first.Split('|')[3];

        Assert.Equal(
            System.Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(System.Text.Encoding.UTF8.GetBytes("v1\ntmpl\n13:Shop.Payments\n" + Template))).ToLowerInvariant(),
            hash);
    }
}
