package cn.chengxin.demo.domain;

import java.util.List;

public record Population(List<SyntheticResident> residents, List<SyntheticOrganisation> organisations) {
}
