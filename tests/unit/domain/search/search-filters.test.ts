import { describe, expect, it } from 'vitest';
import {
  boardFilterValue,
  filterCode,
  FilterVocabulary,
  orderFilterValues,
} from '../../../../src/domain/search/search-filters.ts';

describe('board filter values', () => {
  it('show the full name with the code, or the code alone when the name is unknown', () => {
    expect(boardFilterValue({ code: 'APA', fullName: 'American Psychological Association' })).toBe(
      'American Psychological Association (APA)',
    );
    expect(boardFilterValue({ code: 'WESPSB' })).toBe('WESPSB');
  });
});

describe('URL codes of filter values', () => {
  const boardCodes = {
    'American Psychological Association (APA)': 'apa',
    'Other state-level boards (Other State Level)': 'other-state',
  };

  it('use the content keys of formats and levels', () => {
    expect(filterCode('format', 'Live online')).toBe('live-online');
    expect(filterCode('format', 'Hybrid (in person and online)')).toBe('hybrid');
    expect(filterCode('level', 'Beginner')).toBe('beginner');
  });

  it('use the board’s file name, which stays put when its full name is edited', () => {
    expect(filterCode('board', 'American Psychological Association (APA)', boardCodes)).toBe('apa');
    expect(filterCode('board', 'Other state-level boards (Other State Level)', boardCodes)).toBe(
      'other-state',
    );
    expect(filterCode('board', 'WESPSB', boardCodes)).toBe('wespsb');
  });

  it('keep years and slug the rest', () => {
    expect(filterCode('year', '2020')).toBe('2020');
    expect(filterCode('topic', 'Self-compassion')).toBe('self-compassion');
    expect(filterCode('instructor', 'Leslie Becker-Phelps')).toBe('leslie-becker-phelps');
    expect(filterCode('status', 'On demand')).toBe('on-demand');
  });
});

describe('the order of filter values', () => {
  it('follows the site’s order for formats, levels and status, newest year first, the rest by name', () => {
    expect(orderFilterValues('format', ['On demand', 'In person', 'Live online'])).toEqual([
      'Live online',
      'In person',
      'On demand',
    ]);
    expect(
      orderFilterValues('level', ['Advanced', 'Beginner', 'Intermediate', 'Introductory']),
    ).toEqual(['Introductory', 'Beginner', 'Intermediate', 'Advanced']);
    expect(orderFilterValues('status', ['Past', 'Upcoming', 'On demand'])).toEqual([
      'Upcoming',
      'On demand',
      'Past',
    ]);
    expect(orderFilterValues('year', ['2020', '2027', '2009'])).toEqual(['2027', '2020', '2009']);
    expect(orderFilterValues('topic', ['self-care', 'Attachment theory', 'Mentalizing'])).toEqual([
      'Attachment theory',
      'Mentalizing',
      'self-care',
    ]);
  });
});

describe('the filter vocabulary', () => {
  const vocabulary = new FilterVocabulary(
    {
      board: {
        'National Board for Certified Counselors (NBCC)': 2,
        'American Psychological Association (APA)': 1,
      },
      year: { '2020': 1, '2027': 1 },
      level: { Intermediate: 2, Beginner: 1 },
      misc: { x: 1 },
    },
    {
      'American Psychological Association (APA)': 'apa',
      'National Board for Certified Counselors (NBCC)': 'nbcc',
    },
  );

  it('finds the value behind a code, and lets an unknown code match nothing', () => {
    expect(vocabulary.valuesOf('board', 'apa')).toEqual([
      'American Psychological Association (APA)',
    ]);
    expect(vocabulary.valuesOf('board', 'aswb')).toEqual(['aswb']);
    expect(vocabulary.valuesOf('topic', 'x')).toEqual(['x']);
  });

  it('lists the known groups in display order, each value with its code', () => {
    expect(vocabulary.groups()).toEqual([
      {
        key: 'level',
        label: 'Level',
        options: [
          { value: 'Beginner', code: 'beginner' },
          { value: 'Intermediate', code: 'intermediate' },
        ],
      },
      {
        key: 'board',
        label: 'CE board',
        options: [
          { value: 'American Psychological Association (APA)', code: 'apa' },
          { value: 'National Board for Certified Counselors (NBCC)', code: 'nbcc' },
        ],
      },
      {
        key: 'year',
        label: 'Year',
        options: [
          { value: '2027', code: '2027' },
          { value: '2020', code: '2020' },
        ],
      },
    ]);
  });
});
