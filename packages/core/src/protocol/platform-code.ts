/** The values of the `p` key the pipeline accepts (tracker protocol §1.2). */
export type Platform = 'web' | 'srv' | 'mob' | 'pc' | 'app' | 'tv' | 'cnsl' | 'iot' | 'headset';

/** Matches exactly the {@link Platform} codes; any other `p` fails the event in the pipeline. */
export const PLATFORM_PATTERN = /^(web|srv|mob|pc|app|tv|cnsl|iot|headset)$/;
