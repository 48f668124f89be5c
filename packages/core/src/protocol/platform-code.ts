/** The values of the `p` key the pipeline accepts (tracker protocol §1.2). */
export type Platform = 'web' | 'srv' | 'mob' | 'pc' | 'app' | 'tv' | 'cnsl' | 'iot' | 'headset';
