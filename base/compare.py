"""How the reviewer's comparison of two revisions reads the fields Wagtail compares by default."""

from wagtail.admin.compare import TagsFieldComparison


class UnorderedTagsComparison(TagsFieldComparison):
    """Keywords compared as a set, shown in alphabetical order.

    taggit keeps a page's keywords in a set: a revision saved from the editor lists them in another order than
    the one before, and Wagtail, comparing lists, showed « Mots-clés » as changed when nobody touched them.
    """

    def get_items(self):
        return sorted(self.val_a, key=self.get_item_display), sorted(self.val_b, key=self.get_item_display)
