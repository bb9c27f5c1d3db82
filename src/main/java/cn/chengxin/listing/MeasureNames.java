package cn.chengxin.listing;

/**
 * Names the measures that follow from a list, for the notices. Implemented by the measures module (which
 * depends on this one), so that a notice lists the measures as they stand in the measures catalogue.
 */
public interface MeasureNames {

    /** The names of the enabled measures for the list, joined for a sentence ("…；…"). */
    String forList(ListType type);
}
