import {isFiltering, NO_DASHBOARD_FILTER, toCallFilter} from './dashboard-filter';

describe('dashboard filter', () => {
  it('leaves out the fields set to "any"', () => {
    expect(toCallFilter(NO_DASHBOARD_FILTER)).toEqual({});
    expect(toCallFilter({...NO_DASHBOARD_FILTER, provider: 'openai', status: 'error'})).toEqual({
      provider: 'openai',
      status: 'error',
    });
  });

  it('turns days into a range from the first local midnight to the end of the last day, included', () => {
    const filter = toCallFilter({...NO_DASHBOARD_FILTER, fromDate: '2026-03-01', toDate: '2026-03-02'});
    expect(filter.from).toBe(new Date(2026, 2, 1).getTime());
    expect(filter.to).toBe(new Date(2026, 2, 3).getTime() - 1);
  });

  it('ignores a day that is not a date', () => {
    expect(toCallFilter({...NO_DASHBOARD_FILTER, fromDate: 'soon'})).toEqual({});
  });

  it('tells whether anything is filtered', () => {
    expect(isFiltering(NO_DASHBOARD_FILTER)).toBe(false);
    expect(isFiltering({...NO_DASHBOARD_FILTER, model: 'gpt-5-nano'})).toBe(true);
  });
});
